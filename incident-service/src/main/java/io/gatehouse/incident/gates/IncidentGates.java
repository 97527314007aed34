package io.gatehouse.incident.gates;

import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.Mitigation;
import io.gatehouse.incident.notification.NotificationEnded;
import io.gatehouse.incident.notification.NotificationReason;
import io.gatehouse.incident.notification.Notifications;
import io.gatehouse.incident.notification.StakeholderNotice;
import io.gatehouse.incident.policy.IncidentPolicy;
import io.gatehouse.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Evaluates an incident's gates when an input of theirs changes, records the outcome and publishes it; a failed gate is
 * announced to the roles it concerns (protocol 17's gate-failure notices).
 */
@ApplicationScoped
public class IncidentGates {

    private static final int PROTOCOL = 17;

    private final Outbox outbox;
    private final IncidentPolicy policy;
    private final Notifications notifications;

    IncidentGates(Outbox outbox, IncidentPolicy policy, Notifications notifications) {
        this.outbox = outbox;
        this.policy = policy;
        this.notifications = notifications;
    }

    /** Gate 1 waits for every notification of the settled severity; the resolution notices are gate 4's. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onNotificationEnded(@Observes NotificationEnded ended) {
        if (!ended.reason().announcesResolution()) {
            evaluateSeverityAlignment(Incident.lock(ended.incidentId()), ended.outcomeEventId(), ended.at());
        }
    }

    /**
     * Gate 1, after the severity was confirmed, a classification proposed another, or a notification ended. The
     * notifications that count are those announcing the severity that stands (its audience must know it), not the
     * resolution notices nor the announcements of a mere proposal.
     *
     * @param causeEventId the event that changed an input of the gate
     * @param at that event's time
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public GateVerdict evaluateSeverityAlignment(Incident incident, String causeEventId, Instant at) {
        List<StakeholderNotice> announcing = StakeholderNotice.of(incident.id()).stream()
                .filter(n -> n.severity() == incident.severity())
                .filter(n -> !n.reason().announcesResolution() && n.reason() != NotificationReason.SEVERITY_PROPOSED)
                .toList();
        GateVerdict verdict = SeverityAlignmentGate.evaluate(incident.consensusReached(), incident.pendingProposal().orElse(null),
                facts(announcing), policy.notifications().maxLatency());
        List<String> evidence = new ArrayList<>();
        if (incident.severityConfirmedEventId() != null) {
            evidence.add(incident.severityConfirmedEventId());
        }
        announcing.stream().map(n -> n.notification().outcomeEventId()).filter(Objects::nonNull).forEach(evidence::add);
        incident.recordGate1(verdict.outcome());
        publish(incident, SeverityAlignmentGate.NUMBER, SeverityAlignmentGate.NAME, verdict, evidence, causeEventId, at);
        return verdict;
    }

    /** Gate 2, after the readiness checklist was checked or an approval or waiver was given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GateVerdict evaluateMitigationReadiness(Incident incident, Mitigation mitigation, String causeEventId, Instant at) {
        GateVerdict verdict = MitigationReadinessGate.evaluate(MitigationReadinessGate.Facts.of(mitigation));
        Map<String, Double> latencies = new TreeMap<>();
        mitigation.approvalLatency().ifPresent(latency -> latencies.put("approvalLatencySeconds", seconds(latency)));
        if (verdict.outcome() != GateOutcome.FAILED) {
            latencies.put("decisionLatencySeconds", seconds(Duration.between(incident.openedAt(), at)));
        }
        verdict = verdict.measuring(latencies);
        List<String> evidence = new ArrayList<>();
        evidence.add(mitigation.planEventId());
        if (mitigation.readinessEventId() != null) {
            evidence.add(mitigation.readinessEventId());
        }
        evidence.addAll(mitigation.evidenceEventIds());
        mitigation.recordGate2(verdict.outcome());
        publish(incident, MitigationReadinessGate.NUMBER, MitigationReadinessGate.NAME, verdict, evidence, causeEventId, at);
        return verdict;
    }

    /** Gate 3, after the execution was reported, recovery checks were, or the incident commander waived it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GateVerdict evaluateRecoveryValidation(Incident incident, Mitigation mitigation, String causeEventId, Instant at) {
        GateVerdict verdict = RecoveryValidationGate.evaluate(RecoveryValidationGate.Facts.of(mitigation), policy.closing().minRecoveryPassRate());
        Map<String, Double> measured = new TreeMap<>();
        if (mitigation.recoveredAt() != null) {
            measured.put("recoveryTimeSeconds", seconds(Duration.between(incident.openedAt(), mitigation.recoveredAt())));
        }
        measured.put("timelineCompleteness", TimelineMilestones.completeness(incident.id(), TimelineMilestones.UNTIL_RECOVERY,
                mitigation.executionEventId() != null));
        verdict = verdict.measuring(measured);
        List<String> evidence = Stream.of(mitigation.executionEventId(), mitigation.recoveryEventId(), mitigation.gate3WaiverEventId())
                .filter(Objects::nonNull).toList();
        mitigation.recordGate3(verdict.outcome());
        publish(incident, RecoveryValidationGate.NUMBER, RecoveryValidationGate.NAME, verdict, evidence, causeEventId, at);
        return verdict;
    }

    /** Gate 4, after the resolution was recorded or a resolution notice ended; its pass closes the incident. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GateVerdict evaluateResolution(Incident incident, ResolutionGate.Documentation documentation, List<String> rootCauseEventIds,
                                          String causeEventId, Instant at) {
        List<StakeholderNotice> notices = StakeholderNotice.of(incident.id()).stream().filter(n -> n.reason().announcesResolution()).toList();
        GateVerdict verdict = ResolutionGate.evaluate(documentation, facts(notices), policy.closing())
                .measuring(Map.of("timelineCompleteness", TimelineMilestones.completeness(incident.id(), TimelineMilestones.UNTIL_RESOLUTION, true)));
        List<String> evidence = new ArrayList<>();
        if (incident.resolutionEventId() != null) {
            evidence.add(incident.resolutionEventId());
        }
        evidence.addAll(rootCauseEventIds);
        notices.stream().map(n -> n.notification().outcomeEventId()).filter(Objects::nonNull).forEach(evidence::add);
        incident.recordGate4(verdict.outcome());
        publish(incident, ResolutionGate.NUMBER, ResolutionGate.NAME, verdict, evidence, causeEventId, at);
        return verdict;
    }

    /**
     * Gate 2 as it stands, for a refusal that rests on it: the error template's criteria (what the gate requires) and
     * actual (what it finds now), without evaluating or publishing anything.
     *
     * @param mitigation the incident's mitigation; null when there is no plan, and so nothing for the gate to read
     */
    public GateRefusal mitigationReadinessRefusal(Mitigation mitigation) {
        return GateRefusal.of(MitigationReadinessGate.NUMBER, MitigationReadinessGate.NAME, "passed, or waived by both the incident commander"
                + " and the release manager", mitigation == null ? null : mitigation.gate2Outcome(),
                mitigation == null ? null : MitigationReadinessGate.evaluate(MitigationReadinessGate.Facts.of(mitigation)));
    }

    /** Gate 3 as it stands, for a refusal that rests on it (see {@link #mitigationReadinessRefusal}). */
    public GateRefusal recoveryValidationRefusal(Mitigation mitigation) {
        return GateRefusal.of(RecoveryValidationGate.NUMBER, RecoveryValidationGate.NAME, "passed, or waived by the incident commander with a"
                + " recovery plan", mitigation == null ? null : mitigation.gate3Outcome(),
                mitigation == null ? null : RecoveryValidationGate.evaluate(RecoveryValidationGate.Facts.of(mitigation),
                        policy.closing().minRecoveryPassRate()));
    }

    private static List<SeverityAlignmentGate.NotificationFacts> facts(List<StakeholderNotice> notices) {
        return notices.stream().map(StakeholderNotice::notification).map(n -> new SeverityAlignmentGate.NotificationFacts(n.channel(),
                n.audience(), n.delivered(), n.givenUp(), n.latency(), n.lastError())).toList();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** Publishes the evaluation; a failed one is announced to the roles the policy routes that gate's failures to. */
    private void publish(Incident incident, int gate, String name, GateVerdict verdict, List<String> evidence, String causeEventId, Instant at) {
        String evaluationEventId = outbox.append(Topics.INCIDENTS, incident.id(), GateEvaluated.newBuilder()
                .setSubject(incident.id())
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
        if (verdict.outcome() == GateOutcome.FAILED) {
            notifications.requestGateFailure(incident, gate, GateFailureReport.of(gate, name, verdict, incident.id()), evaluationEventId, at);
        }
    }
}
