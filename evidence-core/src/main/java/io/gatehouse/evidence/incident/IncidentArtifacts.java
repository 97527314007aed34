package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.artifacts.PlannedArtifact.Content.json;
import static io.gatehouse.evidence.artifacts.PlannedArtifact.Content.jsonOfSet;
import static io.gatehouse.evidence.artifacts.PlannedArtifact.Content.markdown;
import static io.gatehouse.evidence.artifacts.PlannedArtifact.Content.markdownOfSet;

import io.gatehouse.events.AlertFeedbackRecorded;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.IncidentMarkedFalsePositive;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.MitigationPlanned;
import io.gatehouse.events.RecoveryValidated;
import io.gatehouse.events.ResolutionReviewed;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.RollbackReadinessVerified;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.RootCauseEvidenceArchived;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityConfirmed;
import io.gatehouse.events.SeverityReviewed;
import io.gatehouse.events.StakeholdersNotified;
import io.gatehouse.evidence.artifacts.EvidenceManifest;
import io.gatehouse.evidence.artifacts.EvidencePlan;
import io.gatehouse.evidence.artifacts.EvidenceProtocol;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * Protocol 17's evidence of an incident: a subject is an incident once its IncidentOpened is recorded.
 *
 * <p>Required artifacts are always there, saying so when their phase has not happened. Optional ones are there only
 * when their facts exist: reviewer-signoff.json once a reviewer has signed off (the review comes after the
 * resolution, so a closed incident's evidence is complete without it), alert-tuning-feedback.json once feedback was
 * recorded, and gate-N-validation.json once gate N was evaluated. The incident report and the traceability matrix
 * describe the set from the plan, so they name exactly what the bundle holds.
 */
public class IncidentArtifacts implements EvidenceProtocol {

    public static final int PROTOCOL = 17;
    public static final String BUNDLE = "INCIDENT-EVIDENCE-BUNDLE.zip";
    static final String ALERT_TUNING_FEEDBACK = "alert-tuning-feedback.json";

    /** Closed after gate 4 passed, or closed as a false positive: the points protocol 17 calls final. */
    private static final int RESOLUTION_GATE = 4;
    private static final String INCIDENT_OPENED = IncidentOpened.getClassSchema().getFullName();
    /** Protocol 22 writes the postmortem from these. */
    private static final EvidenceManifest.Downstream POSTMORTEM = new EvidenceManifest.Downstream("protocol 22 postmortem",
            List.of("INCIDENT-REPORT.md", "rca-manifest.json", "recovery-validation.json"));
    /** Protocol 19's monitoring owners tune the alerts from this, when responders gave feedback. */
    private static final EvidenceManifest.Downstream MONITORING = new EvidenceManifest.Downstream("protocol 19 monitoring",
            List.of(ALERT_TUNING_FEEDBACK));
    private static final String ROLLBACK_VERIFICATION = "rollback-verification-report.json";

    @Override
    public int number() {
        return PROTOCOL;
    }

    @Override
    public String bundleName() {
        return BUNDLE;
    }

    @Override
    public boolean covers(Set<String> eventTypes) {
        return eventTypes.contains(INCIDENT_OPENED);
    }

    @Override
    public boolean isFinal(SpecificRecord event) {
        if (event instanceof IncidentMarkedFalsePositive) {
            return true;
        }
        return event instanceof GateEvaluated gate && gate.getProtocol() == PROTOCOL && gate.getGate() == RESOLUTION_GATE
                && gate.getOutcome() == GateOutcome.PASSED;
    }

    @Override
    public EvidencePlan plan(SubjectHistory history) {
        boolean resolved = !history.all(IncidentResolved.class).isEmpty();
        EvidencePlan.Builder plan = EvidencePlan.builder()
                .required("severity-assessment.json", json(JsonArtifacts::severityAssessment),
                        history.of(SeverityClassified.class, SeverityReviewed.class, SeverityConfirmed.class))
                .required("rollback-readiness-checklist.json", json(JsonArtifacts::rollbackReadinessChecklist),
                        history.of(RollbackReadinessVerified.class))
                .required("decision-log.json", json(JsonArtifacts::decisionLog), history.of(JsonArtifacts.DECISIONS))
                .required("mitigation-execution-report.json", json(JsonArtifacts::mitigationExecutionReport),
                        history.of(RollbackRequested.class, RollbackExecuted.class, MitigationExecutionRequested.class, MitigationExecuted.class))
                .required("recovery-validation.json", json(JsonArtifacts::recoveryValidation), history.of(RecoveryValidated.class))
                .required("resolution-summary.json", json(JsonArtifacts::resolutionSummary), history.of(IncidentOpened.class, IncidentResolved.class),
                        resolved)
                .required("rca-manifest.json", json(JsonArtifacts::rcaManifest), history.of(RootCauseEvidenceArchived.class))
                .required("incident-intake-log.md", markdown(MarkdownArtifacts::intakeLog),
                        history.of(IncidentOpened.class, SeverityClassified.class), !history.all(IncidentOpened.class).isEmpty())
                .required("communication-log.md", markdown(MarkdownArtifacts::communicationLog), history.of(StakeholdersNotified.class))
                .required("mitigation-plan.md", markdown(MarkdownArtifacts::mitigationPlan), history.of(MitigationPlanned.class))
                .required("incident-timeline.md", markdown(MarkdownArtifacts::timeline), history.events(), true)
                .required("traceability-matrix.json", jsonOfSet(TraceabilityMatrix::of), history.events(), true)
                // A report is whole once the incident is resolved; before that it is a draft of what happened so far.
                .required("INCIDENT-REPORT.md", markdownOfSet(IncidentReport::render), history.events(), resolved);
        List<LedgerEvent> reviews = history.of(ResolutionReviewed.class);
        plan.optional("reviewer-signoff.json", json(ReviewerSignOff::of), reviews, !reviews.isEmpty(),
                "no reviewer has signed off the resolution or the recovery validation");
        List<LedgerEvent> feedback = history.of(AlertFeedbackRecorded.class);
        plan.optional(ALERT_TUNING_FEEDBACK, json(AlertTuningFeedback::of), feedback, !feedback.isEmpty(), "no alert-tuning feedback was recorded");
        for (int gate = 1; gate <= GateValidation.NAMES.size(); gate++) {
            int number = gate;
            plan.optional(GateValidation.fileName(gate), json(h -> GateValidation.of(h, number)), GateValidation.sources(history, gate),
                    !history.evaluations(gate).isEmpty(), "gate " + gate + " (" + GateValidation.name(history, gate) + ") was never evaluated");
        }
        return plan.build();
    }

    @Override
    public List<EvidenceManifest.Downstream> downstream(SubjectHistory history, EvidencePlan plan) {
        return plan.holds(ALERT_TUNING_FEEDBACK) ? List.of(POSTMORTEM, MONITORING) : List.of(POSTMORTEM);
    }

    /** Protocol 14's rollback verification of every previous release the incident named as a rollback target. */
    @Override
    public List<EvidenceManifest.Upstream> upstream(SubjectHistory history) {
        Map<String, List<String>> namedBy = new TreeMap<>();
        for (LedgerEvent event : history.of(MitigationPlanned.class, RollbackReadinessVerified.class, RollbackRequested.class)) {
            String release = previousRelease(event);
            if (release != null) {
                namedBy.computeIfAbsent(release, r -> new ArrayList<>()).add(event.eventId());
            }
        }
        return namedBy.entrySet().stream().map(e -> new EvidenceManifest.Upstream(14, e.getKey(), ROLLBACK_VERIFICATION,
                "the rollback readiness checklist requires the previous release's rollback verification, passed and within RTO",
                List.copyOf(e.getValue()))).toList();
    }

    private static String previousRelease(LedgerEvent event) {
        if (event.event() instanceof MitigationPlanned e) {
            return e.getPreviousRelease();
        }
        if (event.event() instanceof RollbackReadinessVerified e) {
            return e.getPreviousRelease();
        }
        return event.as(RollbackRequested.class).getPreviousRelease();
    }
}
