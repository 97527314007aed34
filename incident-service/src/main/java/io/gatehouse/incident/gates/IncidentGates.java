package io.gatehouse.incident.gates;

import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.detection.Incident;
import io.gatehouse.incident.messaging.Outbox;
import io.gatehouse.incident.mitigation.Mitigation;
import io.gatehouse.incident.notification.Notification;
import io.gatehouse.incident.notification.NotificationStatus;
import io.gatehouse.incident.policy.IncidentPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Evaluates an incident's gates when an input of theirs changes, records the outcome and publishes it. */
@ApplicationScoped
public class IncidentGates {

    private static final int PROTOCOL = 17;

    private final Outbox outbox;
    private final IncidentPolicy policy;

    IncidentGates(Outbox outbox, IncidentPolicy policy) {
        this.outbox = outbox;
        this.policy = policy;
    }

    /** Gate 2, after the readiness checklist was checked or an approval or waiver was given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GateVerdict evaluateMitigationReadiness(Incident incident, Mitigation mitigation, String causeEventId, Instant at) {
        GateVerdict verdict = MitigationReadinessGate.evaluate(new MitigationReadinessGate.Facts(mitigation.readinessCoverage,
                mitigation.approvedByCommander != null, mitigation.approvedByReleaseManager != null,
                mitigation.waivedByCommander != null, mitigation.waivedByReleaseManager != null));
        List<String> evidence = new ArrayList<>();
        evidence.add(mitigation.planEventId);
        if (mitigation.readinessEventId != null) {
            evidence.add(mitigation.readinessEventId);
        }
        evidence.addAll(mitigation.evidenceEventIds);
        mitigation.gate2Outcome = verdict.outcome();
        publish(incident, MitigationReadinessGate.NUMBER, MitigationReadinessGate.NAME, verdict, evidence, causeEventId, at);
        return verdict;
    }

    /** Gate 3, after the execution was reported or recovery checks were. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GateVerdict evaluateRecoveryValidation(Incident incident, Mitigation mitigation, String causeEventId, Instant at) {
        GateVerdict verdict = RecoveryValidationGate.evaluate(mitigation.executionStatus, mitigation.recoveryPassRate,
                policy.closing().minRecoveryPassRate());
        List<String> evidence = Stream.of(mitigation.executionEventId, mitigation.recoveryEventId).filter(Objects::nonNull).toList();
        mitigation.gate3Outcome = verdict.outcome();
        publish(incident, RecoveryValidationGate.NUMBER, RecoveryValidationGate.NAME, verdict, evidence, causeEventId, at);
        return verdict;
    }

    /** Gate 4, after the resolution was recorded or a resolution notice ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GateVerdict evaluateResolution(Incident incident, ResolutionGate.Documentation documentation, List<String> rootCauseEventIds,
                                          String causeEventId, Instant at) {
        List<Notification> notices = Notification.ofIncident(incident.id).stream()
                .filter(n -> Notification.INCIDENT_RESOLVED.equals(n.reason)).toList();
        GateVerdict verdict = ResolutionGate.evaluate(documentation, facts(notices), policy.closing());
        List<String> evidence = new ArrayList<>();
        if (incident.resolutionEventId != null) {
            evidence.add(incident.resolutionEventId);
        }
        evidence.addAll(rootCauseEventIds);
        notices.stream().map(n -> n.outcomeEventId).filter(Objects::nonNull).forEach(evidence::add);
        incident.gate4Outcome = verdict.outcome();
        publish(incident, ResolutionGate.NUMBER, ResolutionGate.NAME, verdict, evidence, causeEventId, at);
        return verdict;
    }

    private static List<SeverityAlignmentGate.NotificationFacts> facts(List<Notification> notifications) {
        return notifications.stream().map(n -> new SeverityAlignmentGate.NotificationFacts(n.channel, n.status == NotificationStatus.DELIVERED,
                n.status == NotificationStatus.FAILED, n.latency(), n.lastError)).toList();
    }

    /**
     * Gate 1, after the severity was confirmed or a notification ended.
     *
     * @param causeEventId the event that changed an input of the gate
     * @param at that event's time
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public GateVerdict evaluateSeverityAlignment(Incident incident, String causeEventId, Instant at) {
        List<Notification> opening = Notification.ofIncident(incident.id).stream()
                .filter(n -> Notification.INCIDENT_OPENED.equals(n.reason)).toList();
        GateVerdict verdict = SeverityAlignmentGate.evaluate(incident.severityConfirmedBy != null, facts(opening),
                policy.notifications().maxLatency());
        List<String> evidence = new ArrayList<>();
        if (incident.severityConfirmedEventId != null) {
            evidence.add(incident.severityConfirmedEventId);
        }
        opening.stream().map(n -> n.outcomeEventId).filter(Objects::nonNull).forEach(evidence::add);
        incident.gate1Outcome = verdict.outcome();
        publish(incident, SeverityAlignmentGate.NUMBER, SeverityAlignmentGate.NAME, verdict, evidence, causeEventId, at);
        return verdict;
    }

    private void publish(Incident incident, int gate, String name, GateVerdict verdict, List<String> evidence, String causeEventId, Instant at) {
        outbox.append(Topics.INCIDENTS, incident.id, GateEvaluated.newBuilder()
                .setSubject(incident.id)
                .setProtocol(PROTOCOL)
                .setGate(gate)
                .setName(name)
                .setOutcome(verdict.outcome())
                .setMetrics(verdict.metrics())
                .setThresholds(verdict.thresholds())
                .setUnmetConditions(verdict.unmetConditions())
                .setPolicyVersion(policy.version())
                .setEvidenceEventIds(evidence)
                .setEvaluatedAt(at)
                .build(), causeEventId + "/gate-" + gate, at);
    }
}
