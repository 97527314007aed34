package io.gatehouse.evidence.artifacts;

import static io.gatehouse.evidence.artifacts.PlannedArtifact.Content.json;
import static io.gatehouse.evidence.artifacts.PlannedArtifact.Content.markdown;

import io.gatehouse.events.AlertFeedbackRecorded;
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
import io.gatehouse.evidence.artifacts.PlannedArtifact.Content;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an incident's evidence set holds, decided from its events before any bytes are written: each artifact with
 * the events it is derived from, and each optional artifact the events do not call for, with the reason. The
 * incident report and the traceability matrix describe the set from this plan, so they name exactly what the bundle
 * holds.
 *
 * <p>Required artifacts are always there, saying so when their phase has not happened. Optional ones are there only
 * when their facts exist: reviewer-signoff.json once a reviewer has signed off (the review comes after the
 * resolution, so a closed incident's evidence is complete without it), alert-tuning-feedback.json once feedback was
 * recorded, and gate-N-validation.json once gate N was evaluated.
 *
 * @param artifacts sorted by name
 * @param absent the optional artifacts not in the set, sorted by name
 */
record EvidencePlan(List<PlannedArtifact> artifacts, List<EvidenceManifest.Absent> absent) {

    static final String ALERT_TUNING_FEEDBACK = "alert-tuning-feedback.json";

    static EvidencePlan of(IncidentHistory history) {
        boolean resolved = !history.all(IncidentResolved.class).isEmpty();
        List<PlannedArtifact> artifacts = new ArrayList<>(List.of(
                required("severity-assessment.json", json(JsonArtifacts::severityAssessment),
                        history.of(SeverityClassified.class, SeverityReviewed.class, SeverityConfirmed.class)),
                required("rollback-readiness-checklist.json", json(JsonArtifacts::rollbackReadinessChecklist),
                        history.of(RollbackReadinessVerified.class)),
                required("decision-log.json", json(JsonArtifacts::decisionLog), history.of(JsonArtifacts.DECISIONS)),
                required("mitigation-execution-report.json", json(JsonArtifacts::mitigationExecutionReport),
                        history.of(RollbackRequested.class, RollbackExecuted.class, MitigationExecutionRequested.class, MitigationExecuted.class)),
                required("recovery-validation.json", json(JsonArtifacts::recoveryValidation), history.of(RecoveryValidated.class)),
                required("resolution-summary.json", json(JsonArtifacts::resolutionSummary), history.of(IncidentOpened.class, IncidentResolved.class),
                        resolved),
                required("rca-manifest.json", json(JsonArtifacts::rcaManifest), history.of(RootCauseEvidenceArchived.class)),
                required("incident-intake-log.md", markdown(MarkdownArtifacts::intakeLog), history.of(IncidentOpened.class, SeverityClassified.class),
                        !history.all(IncidentOpened.class).isEmpty()),
                required("communication-log.md", markdown(MarkdownArtifacts::communicationLog), history.of(StakeholdersNotified.class)),
                required("mitigation-plan.md", markdown(MarkdownArtifacts::mitigationPlan), history.of(MitigationPlanned.class)),
                required("incident-timeline.md", markdown(MarkdownArtifacts::timeline), history.events(), true),
                required("traceability-matrix.json",
                        new Content(PlannedArtifact.JSON, (h, plan) -> DeterministicJson.write(TraceabilityMatrix.of(h, plan))),
                        history.events(), true),
                // A report is whole once the incident is resolved; before that it is a draft of what happened so far.
                required("INCIDENT-REPORT.md",
                        new Content(PlannedArtifact.MARKDOWN, (h, plan) -> IncidentReport.render(h, plan).getBytes(StandardCharsets.UTF_8)),
                        history.events(), resolved)));
        List<EvidenceManifest.Absent> absent = new ArrayList<>();
        List<LedgerEvent> reviews = history.of(ResolutionReviewed.class);
        optional(artifacts, absent, "reviewer-signoff.json", json(ReviewerSignOff::of), reviews, !reviews.isEmpty(),
                "no reviewer has signed off the resolution or the recovery validation");
        List<LedgerEvent> feedback = history.of(AlertFeedbackRecorded.class);
        optional(artifacts, absent, ALERT_TUNING_FEEDBACK, json(AlertTuningFeedback::of), feedback, !feedback.isEmpty(),
                "no alert-tuning feedback was recorded");
        for (int gate = 1; gate <= GateValidation.NAMES.size(); gate++) {
            int number = gate;
            optional(artifacts, absent, GateValidation.fileName(gate), json(h -> GateValidation.of(h, number)), GateValidation.sources(history, gate),
                    !history.evaluations(gate).isEmpty(), "gate " + gate + " (" + GateValidation.name(history, gate) + ") was never evaluated");
        }
        artifacts.sort(Comparator.comparing(PlannedArtifact::name));
        absent.sort(Comparator.comparing(EvidenceManifest.Absent::name));
        return new EvidencePlan(List.copyOf(artifacts), List.copyOf(absent));
    }

    boolean holds(String name) {
        return artifacts.stream().anyMatch(a -> a.name().equals(name));
    }

    private static PlannedArtifact required(String name, Content content, List<LedgerEvent> sources) {
        return required(name, content, sources, !sources.isEmpty());
    }

    private static PlannedArtifact required(String name, Content content, List<LedgerEvent> sources, boolean happened) {
        return new PlannedArtifact(name, content, sources, happened, true);
    }

    private static void optional(List<PlannedArtifact> artifacts, List<EvidenceManifest.Absent> absent, String name, Content content,
                                 List<LedgerEvent> sources, boolean calledFor, String reasonWhenAbsent) {
        if (calledFor) {
            artifacts.add(new PlannedArtifact(name, content, sources, true, false));
        } else {
            absent.add(new EvidenceManifest.Absent(name, reasonWhenAbsent));
        }
    }
}
