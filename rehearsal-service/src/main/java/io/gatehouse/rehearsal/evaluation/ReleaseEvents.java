package io.gatehouse.rehearsal.evaluation;

import io.gatehouse.events.ConfigDifference;
import io.gatehouse.events.ConfigurationDriftMeasured;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateStanding;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseDecision;
import io.gatehouse.events.RollbackRehearsalAssessed;
import io.gatehouse.rehearsal.Release;
import io.gatehouse.rehearsal.ReleaseGate;
import io.gatehouse.rehearsal.gates.DecisionState;
import io.gatehouse.rehearsal.gates.GateVerdict;
import io.gatehouse.rehearsal.gates.GoNoGo;
import io.gatehouse.rehearsal.gates.IntakeConfirmationGate.DriftMeasurement;
import io.gatehouse.rehearsal.gates.RollbackSecurityGate.RollbackAssessment;
import java.time.Instant;
import java.util.List;

/** The events the evaluation of a release publishes, made from what the gates found. */
final class ReleaseEvents {

    static final int PROTOCOL = 14;

    private ReleaseEvents() {
    }

    static GateEvaluated evaluated(String releaseId, GateVerdict verdict, String policyVersion, Instant at) {
        return GateEvaluated.newBuilder()
                .setSubject(releaseId)
                .setProtocol(PROTOCOL)
                .setGate(verdict.gate())
                .setName(verdict.name())
                .setOutcome(verdict.outcome())
                .setMetrics(verdict.metrics())
                .setThresholds(verdict.thresholds())
                .setUnmetConditions(verdict.unmetConditions())
                .setPolicyVersion(policyVersion)
                .setEvidenceEventIds(verdict.evidenceEventIds())
                .setEvaluatedAt(at)
                .build();
    }

    /** Measured when the newer of the two snapshots arrived. */
    static ConfigurationDriftMeasured driftMeasured(String releaseId, DriftMeasurement drift) {
        return ConfigurationDriftMeasured.newBuilder()
                .setRelease(releaseId)
                .setStagingSnapshotEventId(drift.staging().eventId())
                .setProductionSnapshotEventId(drift.production().eventId())
                .setComparedKeys(drift.report().comparedKeys())
                .setIgnoredKeys(drift.report().ignoredKeys())
                .setDifferences(drift.report().differences().stream().map(d -> ConfigDifference.newBuilder().setKey(d.key())
                        .setCategory(d.category()).setDifference(d.kind()).setSeverity(d.severity()).build()).toList())
                .setDrift(drift.report().drift())
                .setSeverity(drift.report().severity())
                .setMeasuredAt(measuredAt(drift))
                .build();
    }

    static Instant measuredAt(DriftMeasurement drift) {
        Instant staging = drift.staging().receivedAt();
        Instant production = drift.production().receivedAt();
        return staging.isAfter(production) ? staging : production;
    }

    static RollbackRehearsalAssessed rollbackAssessed(Release release, String rehearsalEventId, RollbackAssessment assessment, Instant at) {
        return RollbackRehearsalAssessed.newBuilder()
                .setRelease(release.id())
                .setService(release.service())
                .setSucceeded(assessment.succeeded())
                .setDurationSeconds(assessment.durationSeconds())
                .setRtoSeconds(assessment.rtoSeconds())
                .setWithinRto(assessment.withinRto())
                .setRehearsalEventId(rehearsalEventId)
                .setAssessedAt(at)
                .build();
    }

    /**
     * @param revokedGoEventId the GO this decision takes back, if it does
     */
    static ReleaseDecided decided(Release release, GoNoGo.Decision decision, String revokedGoEventId, String policyVersion, Instant at) {
        List<ReleaseGate> standings = release.standings();
        return ReleaseDecided.newBuilder()
                .setRelease(release.id())
                .setDecision(decision.state() == DecisionState.GO ? ReleaseDecision.GO : ReleaseDecision.NO_GO)
                .setReasons(decision.reasons())
                .setGates(standings.stream().map(s -> GateStanding.newBuilder().setGate(s.gate()).setOutcome(s.outcome())
                        .setEvaluationEventId(s.evaluationEventId()).build()).toList())
                .setRevokedGoEventId(revokedGoEventId)
                .setPolicyVersion(policyVersion)
                .setEvidenceEventIds(standings.stream().map(ReleaseGate::evaluationEventId).toList())
                .setDecidedAt(at)
                .build();
    }
}
