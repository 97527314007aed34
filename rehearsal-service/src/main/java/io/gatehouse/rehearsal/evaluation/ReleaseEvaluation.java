package io.gatehouse.rehearsal.evaluation;

import io.gatehouse.events.ConfigSnapshot;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.Topics;
import io.gatehouse.messaging.outbox.Outbox;
import io.gatehouse.rehearsal.ReceivedResult;
import io.gatehouse.rehearsal.Release;
import io.gatehouse.rehearsal.gates.DecisionState;
import io.gatehouse.rehearsal.gates.DeploymentRehearsalGate;
import io.gatehouse.rehearsal.gates.GateVerdict;
import io.gatehouse.rehearsal.gates.Gates;
import io.gatehouse.rehearsal.gates.GoNoGo;
import io.gatehouse.rehearsal.gates.IntakeConfirmationGate;
import io.gatehouse.rehearsal.gates.ReadinessApprovalGate;
import io.gatehouse.rehearsal.gates.ReleaseInputs;
import io.gatehouse.rehearsal.gates.RollbackSecurityGate;
import io.gatehouse.rehearsal.notification.GateFailureNotices;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Re-evaluates a registered release whenever an input of its gates arrives, inside the unit of work that holds the
 * release's lock and recorded the input: the gates that read the input (and gate 4, which reads them all), the
 * readiness clock, and the decision. Each evaluation is a GateEvaluated event, and a gate that fails is announced to
 * the roles the policy routes it to; a changed decision is a ReleaseDecided event; a rollback rehearsal applied is a
 * RollbackRehearsalAssessed event, and a configuration snapshot of staging or production a ConfigurationDriftMeasured
 * one once both are there. Every event's id derives from its cause, and its time is the cause's.
 */
@ApplicationScoped
public class ReleaseEvaluation {

    /** Which of gates 1 to 3 read each kind of result; gate 4 reads every kind (a result makes readiness approvals stale). */
    private static final Map<RehearsalResultKind, Integer> GATE_READING = new EnumMap<>(Map.of(
            RehearsalResultKind.UPSTREAM_ARTIFACT, IntakeConfirmationGate.NUMBER,
            RehearsalResultKind.CONFIG_SNAPSHOT, IntakeConfirmationGate.NUMBER,
            RehearsalResultKind.DEPLOYMENT_REHEARSAL, DeploymentRehearsalGate.NUMBER,
            RehearsalResultKind.TEST_REPORT, DeploymentRehearsalGate.NUMBER,
            RehearsalResultKind.COVERAGE, DeploymentRehearsalGate.NUMBER,
            RehearsalResultKind.ROLLBACK_REHEARSAL, RollbackSecurityGate.NUMBER,
            RehearsalResultKind.SECURITY_SCAN, RollbackSecurityGate.NUMBER));

    private final Outbox outbox;
    private final ReleasePolicy policy;
    private final GateFailureNotices notices;

    ReleaseEvaluation(Outbox outbox, ReleasePolicy policy, GateFailureNotices notices) {
        this.outbox = outbox;
        this.policy = policy;
        this.notices = notices;
    }

    /**
     * The release was registered: the results that arrived before are evaluated now, every gate at once, each rollback
     * rehearsal among them assessed against the release's RTO.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(Release release, String registrationEventId, Instant at) {
        for (ReceivedResult result : release.results()) {
            if (result.kind() == RehearsalResultKind.ROLLBACK_REHEARSAL) {
                assessRollback(release, result.eventId(), result.event());
            }
        }
        measureDrift(release, registrationEventId);
        evaluate(release, Set.of(1, 2, 3), registrationEventId, at, false);
    }

    /** A result arrived for the registered release. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resultApplied(Release release, String resultEventId, RehearsalResultReceived result) {
        if (result.getKind() == RehearsalResultKind.ROLLBACK_REHEARSAL) {
            assessRollback(release, resultEventId, result);
        }
        if (result.getSummary() instanceof ConfigSnapshot snapshot && comparesEnvironment(release, snapshot.getEnvironment())) {
            measureDrift(release, resultEventId);
        }
        Integer gate = GATE_READING.get(result.getKind());
        evaluate(release, gate == null ? Set.of() : Set.of(gate), resultEventId, result.getReceivedAt(), true);
    }

    /**
     * An approval was given, or reached its expiry: the gate that counts it is evaluated again (an upstream approval
     * gate 1's, a readiness approval gate 4's), as of {@code at}, which for an expiry is the expiry instant.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void approvalChanged(Release release, String causeEventId, String kind, Instant at) {
        evaluate(release, ReleasePolicy.READINESS.equals(kind) ? Set.of() : Set.of(IntakeConfirmationGate.NUMBER), causeEventId, at, false);
    }

    /** One role waived a gate, or a waiver reached its expiry: the gate is evaluated again, as of {@code at}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void waiverChanged(Release release, String causeEventId, int gate, Instant at) {
        evaluate(release, Set.of(gate), causeEventId, at, false);
    }

    /** A gate's standing as it would be evaluated now, for a refusal that states its criteria. */
    public GateVerdict standingNow(Release release, int gate, Instant now) {
        return Gates.evaluate(gate, release.inputs(), policy, now);
    }

    /** Whether drift compares {@code environment}: the release's staging or production, not any other. */
    private static boolean comparesEnvironment(Release release, String environment) {
        return environment.equals(release.registration().stagingEnvironment()) || environment.equals(release.registration().productionEnvironment());
    }

    /**
     * Evaluates {@code early} (some of gates 1 to 3), moves the readiness clock, evaluates gate 4, and decides.
     *
     * @param newResult whether the cause is a result: new evidence restarts the readiness clock
     */
    private void evaluate(Release release, Set<Integer> early, String causeEventId, Instant at, boolean newResult) {
        ReleaseInputs inputs = release.inputs();
        for (int gate : new TreeSet<>(early)) {
            evaluateGate(release, gate, inputs, causeEventId, at);
        }
        if (!early.isEmpty() || newResult) {
            release.recordReadiness(newResult, at);
        }
        evaluateGate(release, ReadinessApprovalGate.NUMBER, release.inputs(), causeEventId, at);
        decide(release, causeEventId, at);
    }

    private void evaluateGate(Release release, int gate, ReleaseInputs inputs, String causeEventId, Instant at) {
        GateVerdict verdict = Gates.evaluate(gate, inputs, policy, at);
        String eventId = outbox.append(Topics.RELEASES, release.id(), ReleaseEvents.evaluated(release.id(), verdict, policy.version(), at),
                causeEventId + "/gate-" + gate, at);
        Optional<GateOutcome> before = release.recordEvaluation(verdict, eventId, at);
        // A gate is announced when it fails, not again at each evaluation that finds it still failed.
        if (verdict.outcome() == GateOutcome.FAILED && before.filter(o -> o == GateOutcome.FAILED).isEmpty()) {
            notices.announce(release, verdict, eventId, at);
        }
    }

    private void decide(Release release, String causeEventId, Instant at) {
        GoNoGo.Decision decision = GoNoGo.decide(release.verdicts(), GoNoGo.HardRule.of(release.inputs(), policy), release.decision());
        if (!release.changedBy(decision)) {
            return;
        }
        if (decision.state() == DecisionState.PENDING) {
            release.recordDecision(decision, null, at);
            return;
        }
        String revoked = decision.revokesGo() ? release.goEventId() : null;
        String eventId = outbox.append(Topics.RELEASES, release.id(), ReleaseEvents.decided(release, decision, revoked, policy.version(), at),
                causeEventId + "/decision", at);
        release.recordDecision(decision, eventId, at);
    }

    private void assessRollback(Release release, String rehearsalEventId, RehearsalResultReceived rehearsal) {
        RollbackSecurityGate.RollbackAssessment assessment = RollbackSecurityGate.assess((RehearsalRun) rehearsal.getSummary(),
                release.registration().rtoMinutes());
        outbox.append(Topics.RELEASES, release.id(), ReleaseEvents.rollbackAssessed(release, rehearsalEventId, assessment, rehearsal.getReceivedAt()),
                rehearsalEventId, rehearsal.getReceivedAt());
    }

    private void measureDrift(Release release, String causeEventId) {
        IntakeConfirmationGate.drift(release.inputs()).ifPresent(drift -> outbox.append(Topics.RELEASES, release.id(),
                ReleaseEvents.driftMeasured(release.id(), drift), causeEventId, ReleaseEvents.measuredAt(drift)));
    }
}
