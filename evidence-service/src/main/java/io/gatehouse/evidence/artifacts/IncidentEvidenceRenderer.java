package io.gatehouse.evidence.artifacts;

import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.IncidentResolved;
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
import io.gatehouse.events.SeverityReviewed;
import io.gatehouse.events.StakeholdersNotified;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Renders protocol 17's evidence from an incident's events alone. Times come from the events and every collection
 * is in ledger order or sorted, so the same events always give the same bytes, on any machine, at any time.
 */
public final class IncidentEvidenceRenderer {

    public static final int PROTOCOL = 17;
    static final String MARKDOWN = "text/markdown; charset=utf-8";
    static final String JSON = "application/json";

    /** Protocol 22 writes the postmortem from these. */
    private static final EvidenceManifest.Downstream POSTMORTEM = new EvidenceManifest.Downstream("protocol 22 postmortem",
            List.of("INCIDENT-REPORT.md", "rca-manifest.json", "recovery-validation.json"));
    private static final String ROLLBACK_VERIFICATION = "rollback-verification-report.json";

    private IncidentEvidenceRenderer() {
    }

    /**
     * @param events the incident's events in ledger order; at least one
     */
    public static IncidentEvidence render(String incidentId, List<LedgerEvent> events) {
        IncidentHistory history = new IncidentHistory(incidentId, events);
        List<Artifact> artifacts = new ArrayList<>(List.of(
                json(history, "severity-assessment.json", JsonArtifacts::severityAssessment,
                        history.of(SeverityClassified.class, SeverityReviewed.class, SeverityConfirmed.class)),
                json(history, "rollback-readiness-checklist.json", JsonArtifacts::rollbackReadinessChecklist,
                        history.of(RollbackReadinessVerified.class)),
                json(history, "decision-log.json", JsonArtifacts::decisionLog, history.of(JsonArtifacts.DECISIONS)),
                json(history, "mitigation-execution-report.json", JsonArtifacts::mitigationExecutionReport,
                        history.of(RollbackRequested.class, RollbackExecuted.class, MitigationExecutionRequested.class, MitigationExecuted.class)),
                json(history, "recovery-validation.json", JsonArtifacts::recoveryValidation, history.of(RecoveryValidated.class)),
                json(history, "resolution-summary.json", JsonArtifacts::resolutionSummary, history.of(IncidentOpened.class, IncidentResolved.class),
                        !history.all(IncidentResolved.class).isEmpty()),
                json(history, "rca-manifest.json", JsonArtifacts::rcaManifest, history.of(RootCauseEvidenceArchived.class)),
                markdown(history, "incident-intake-log.md", MarkdownArtifacts::intakeLog, history.of(IncidentOpened.class, SeverityClassified.class),
                        !history.all(IncidentOpened.class).isEmpty()),
                markdown(history, "communication-log.md", MarkdownArtifacts::communicationLog, history.of(StakeholdersNotified.class)),
                markdown(history, "mitigation-plan.md", MarkdownArtifacts::mitigationPlan, history.of(MitigationPlanned.class)),
                markdown(history, "incident-timeline.md", MarkdownArtifacts::timeline, history.events(), true),
                // A report is whole once the incident is resolved; before that it is a draft of what happened so far.
                markdown(history, "INCIDENT-REPORT.md", IncidentReport::render, history.events(), !history.all(IncidentResolved.class).isEmpty())));
        artifacts.sort(Comparator.comparing(Artifact::name));

        Artifact manifest = artifact(IncidentEvidence.MANIFEST, JSON, DeterministicJson.write(manifest(history, artifacts)), history.events(),
                true, history);
        List<Artifact> bundled = new ArrayList<>(artifacts);
        bundled.add(manifest);
        return new IncidentEvidence(incidentId, List.copyOf(artifacts), manifest, EvidenceBundle.zip(bundled));
    }

    private static EvidenceManifest manifest(IncidentHistory history, List<Artifact> artifacts) {
        long happened = artifacts.stream().filter(Artifact::phaseHappened).count();
        LedgerEvent head = history.last();
        return new EvidenceManifest(history.incidentId(), PROTOCOL, history.latestTime(), EvidenceManifest.PRODUCER,
                artifacts.stream().map(EvidenceManifest.Entry::of).toList(), upstream(history), List.of(POSTMORTEM),
                Math.round(happened * 10_000.0 / artifacts.size()) / 10_000.0,
                artifacts.stream().filter(a -> !a.phaseHappened()).map(Artifact::name).toList(),
                new EvidenceManifest.LedgerHead(head.seq(), head.entryHash()));
    }

    /** Protocol 14's rollback verification of every previous release the incident named as a rollback target. */
    private static List<EvidenceManifest.Upstream> upstream(IncidentHistory history) {
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

    private static Artifact json(IncidentHistory history, String name, Function<IncidentHistory, Object> content, List<LedgerEvent> sources) {
        return json(history, name, content, sources, !sources.isEmpty());
    }

    private static Artifact json(IncidentHistory history, String name, Function<IncidentHistory, Object> content, List<LedgerEvent> sources,
                                 boolean happened) {
        return artifact(name, JSON, DeterministicJson.write(content.apply(history)), sources, happened, history);
    }

    private static Artifact markdown(IncidentHistory history, String name, Function<IncidentHistory, String> content,
                                     List<LedgerEvent> sources) {
        return markdown(history, name, content, sources, !sources.isEmpty());
    }

    private static Artifact markdown(IncidentHistory history, String name, Function<IncidentHistory, String> content,
                                     List<LedgerEvent> sources, boolean happened) {
        return artifact(name, MARKDOWN, content.apply(history).getBytes(StandardCharsets.UTF_8), sources, happened, history);
    }

    private static Artifact artifact(String name, String mediaType, byte[] bytes, List<LedgerEvent> sources, boolean happened,
                                     IncidentHistory history) {
        return new Artifact(name, mediaType, bytes, sources.stream().map(LedgerEvent::eventId).toList(),
                sources.isEmpty() ? history.latestTime() : IncidentHistory.latestTime(sources), happened);
    }
}
