package io.gatehouse.rehearsal.gates;

import java.time.Instant;

/** When an approval or a waiver stops counting. */
final class Expiry {

    private Expiry() {
    }

    /**
     * Counts before its expiry instant and never from it on; once the expiry job applied the expiry it counts no more
     * even for an evaluation whose cause is older (a result that waited in the topic).
     */
    static boolean countsAt(Instant expiresAt, boolean lapsed, Instant at) {
        return !lapsed && (expiresAt == null || at.isBefore(expiresAt));
    }
}
