package io.gatehouse.audit.live;

/** evidence-service cannot be reached, or answered something that is not what its ledger endpoints promise. */
public class LiveLedgerUnavailable extends RuntimeException {

    public LiveLedgerUnavailable(String message) {
        super(message);
    }

    public LiveLedgerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
