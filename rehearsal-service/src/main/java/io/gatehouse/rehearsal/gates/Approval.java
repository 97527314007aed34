package io.gatehouse.rehearsal.gates;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An approval as the gates read it.
 *
 * @param eventId its ApprovalGranted event
 * @param expiresAt when it stops counting; null if it does not expire
 * @param lapsed whether its expiry was already applied (by the expiry job), after which it never counts again, whatever
 *     the time of a later evaluation's cause
 * @param evidenceEventIds the results the release had when it was given, which its evidence digest covers
 * @param readySince for a readiness approval, when gates 1 to 3 had been passed or waived as it was given; null otherwise
 */
public record Approval(String eventId, String kind, String approver, String role, Instant grantedAt, Instant expiresAt, boolean lapsed,
                       Set<String> evidenceEventIds, Instant readySince) {

    public Approval {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        evidenceEventIds = Set.copyOf(evidenceEventIds);
    }

    /** Whether it has not expired at {@code at}: it stops counting at its expiry instant. */
    public boolean countsAt(Instant at) {
        return Expiry.countsAt(expiresAt, lapsed, at);
    }
}
