package io.gatehouse.incident.gates;

import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.MitigationApproved;
import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.MitigationPlanned;
import io.gatehouse.events.RecoveryValidated;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.RollbackReadinessVerified;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.RootCauseEvidenceArchived;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityConfirmed;
import io.gatehouse.events.StakeholdersNotified;
import io.gatehouse.messaging.outbox.OutboxEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Timeline completeness, a metric of gates 3 and 4: the share of the protocol's milestones that the incident's
 * timeline records. A milestone is met by any of its event types (a rollback or another mitigation).
 */
final class TimelineMilestones {

    /** A step of protocol 17 the timeline should show. */
    record Milestone(String name, List<Class<?>> anyOf) {
    }

    static final List<Milestone> UNTIL_RECOVERY = List.of(
            new Milestone("opened", List.of(IncidentOpened.class)),
            new Milestone("classified", List.of(SeverityClassified.class)),
            new Milestone("severity confirmed", List.of(SeverityConfirmed.class)),
            new Milestone("stakeholders notified", List.of(StakeholdersNotified.class)),
            new Milestone("mitigation planned", List.of(MitigationPlanned.class)),
            new Milestone("rollback readiness verified", List.of(RollbackReadinessVerified.class)),
            new Milestone("mitigation approved", List.of(MitigationApproved.class)),
            new Milestone("execution requested", List.of(RollbackRequested.class, MitigationExecutionRequested.class)),
            new Milestone("execution reported", List.of(RollbackExecuted.class, MitigationExecuted.class)),
            new Milestone("recovery validated", List.of(RecoveryValidated.class)));

    static final List<Milestone> UNTIL_RESOLUTION = concat(UNTIL_RECOVERY, List.of(
            new Milestone("root-cause evidence archived", List.of(RootCauseEvidenceArchived.class)),
            new Milestone("resolved", List.of(IncidentResolved.class))));

    private TimelineMilestones() {
    }

    /**
     * @param executionReported whether the deployment system reported the execution: its report reaches incident-service
     *     on Kafka and is in the timeline only when the bundled executor wrote it
     */
    static double completeness(String incidentId, List<Milestone> milestones, boolean executionReported) {
        // Only the event types: the rows' payloads are not needed to tell which milestones the timeline holds.
        Set<String> recorded = new HashSet<>(OutboxEvent.getEntityManager()
                .createQuery("select distinct e.type from OutboxEvent e where e.subject = ?1", String.class)
                .setParameter(1, incidentId).getResultList());
        long met = milestones.stream()
                .filter(m -> m.anyOf().stream().anyMatch(type -> recorded.contains(type.getName()))
                        || executionReported && m.anyOf().contains(RollbackExecuted.class))
                .count();
        return met / (double) milestones.size();
    }

    private static List<Milestone> concat(List<Milestone> first, List<Milestone> then) {
        return Stream.concat(first.stream(), then.stream()).toList();
    }
}
