package io.gatehouse.rehearsal.gates;

import java.time.Instant;
import java.util.Objects;

/**
 * One role's waiver of a gate, as the gates read it.
 *
 * @param eventId its GateWaiverGranted event
 * @param lapsed whether its expiry was already applied, as for {@link Approval#lapsed()}
 */
public record Waiver(String eventId, int gate, String person, String role, String riskAssessment, String compensatingControls,
                     Instant grantedAt, Instant expiresAt, boolean lapsed) {

    public Waiver {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(role, "role");
    }

    /** Whether it has not expired at {@code at}: it stops counting at its expiry instant. */
    public boolean countsAt(Instant at) {
        return Expiry.countsAt(expiresAt, lapsed, at);
    }
}
