package io.gatehouse.incident.mitigation;

import io.gatehouse.events.ReadinessItem;
import io.gatehouse.events.ReadinessStatus;
import io.gatehouse.incident.releases.RollbackRehearsal;
import java.util.Optional;

/**
 * The readiness item protocol 14 provides: whether the previous release's rollback rehearsal succeeded within its RTO,
 * as RollbackRehearsalAssessed (the release's latest) says, citing that event. When there is none, the item is MISSING,
 * never assumed.
 */
final class PreviousReleaseRollback {

    static final String ITEM = "previous-release-rollback-verified";

    private PreviousReleaseRollback() {
    }

    /**
     * @param previousRelease the release the plan rolls back to; null when it names none
     * @param rehearsal that release's latest rollback rehearsal, if protocol 14 assessed one
     */
    static ReadinessItem item(String previousRelease, Optional<RollbackRehearsal.Assessment> rehearsal) {
        if (previousRelease == null || previousRelease.isBlank()) {
            return item(ReadinessStatus.MISSING, "the mitigation plan names no previous release to roll back to", null);
        }
        if (rehearsal.isEmpty()) {
            return item(ReadinessStatus.MISSING, "no rollback rehearsal of release " + previousRelease + " is known (protocol 14 publishes "
                    + "RollbackRehearsalAssessed on gatehouse.releases once the release's rollback was rehearsed)", null);
        }
        RollbackRehearsal.Assessment assessed = rehearsal.get();
        String of = "the rollback rehearsal of release " + previousRelease;
        if (!assessed.succeeded()) {
            return item(ReadinessStatus.FAILED, of + " failed", assessed.eventId());
        }
        if (assessed.durationSeconds() > assessed.rtoSeconds()) {
            return item(ReadinessStatus.FAILED, of + " took " + assessed.durationSeconds() + " s, over its RTO of " + assessed.rtoSeconds() + " s",
                    assessed.eventId());
        }
        return item(ReadinessStatus.PASSED, of + " succeeded in " + assessed.durationSeconds() + " s (RTO " + assessed.rtoSeconds() + " s)",
                assessed.eventId());
    }

    private static ReadinessItem item(ReadinessStatus status, String detail, String evidenceEventId) {
        return ReadinessItem.newBuilder().setName(ITEM).setStatus(status).setDetail(detail).setEvidenceEventId(evidenceEventId).build();
    }
}
