package io.gatehouse.evidence.artifacts;

import java.time.Instant;

/** An event of one type, with the ledger event it was read from. */
public record Recorded<T>(LedgerEvent source, T event) {

    public String eventId() {
        return source.eventId();
    }

    public Instant time() {
        return source.time();
    }
}
