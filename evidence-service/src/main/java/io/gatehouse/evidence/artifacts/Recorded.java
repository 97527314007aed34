package io.gatehouse.evidence.artifacts;

import java.time.Instant;

/** An event of one type, with the ledger event it was read from. */
record Recorded<T>(LedgerEvent source, T event) {

    String eventId() {
        return source.eventId();
    }

    Instant time() {
        return source.time();
    }
}
