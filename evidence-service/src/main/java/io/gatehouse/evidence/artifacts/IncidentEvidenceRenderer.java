package io.gatehouse.evidence.artifacts;

import io.gatehouse.events.MitigationPlanned;
import io.gatehouse.events.RollbackReadinessVerified;
import io.gatehouse.events.RollbackRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders protocol 17's evidence from an incident's events alone. Times come from the events and every collection
 * is in ledger order or sorted, so the same events always give the same bytes, on any machine, at any time.
 */
public final class IncidentEvidenceRenderer {

    public static final int PROTOCOL = 17;

    /** Protocol 22 writes the postmortem from these. */
    private static final EvidenceManifest.Downstream POSTMORTEM = new EvidenceManifest.Downstream("protocol 22 postmortem",
            List.of("INCIDENT-REPORT.md", "rca-manifest.json", "recovery-validation.json"));
    /** Protocol 19's monitoring owners tune the alerts from this, when responders gave feedback. */
    private static final EvidenceManifest.Downstream MONITORING = new EvidenceManifest.Downstream("protocol 19 monitoring",
            List.of(EvidencePlan.ALERT_TUNING_FEEDBACK));
    private static final String ROLLBACK_VERIFICATION = "rollback-verification-report.json";

    private IncidentEvidenceRenderer() {
    }

    /**
     * @param events the incident's events in ledger order; at least one
     */
    public static IncidentEvidence render(String incidentId, List<LedgerEvent> events) {
        IncidentHistory history = new IncidentHistory(incidentId, events);
        EvidencePlan plan = EvidencePlan.of(history);
        List<Artifact> artifacts = plan.artifacts().stream().map(a -> a.render(history, plan)).toList();
        Artifact manifest = new Artifact(IncidentEvidence.MANIFEST, PlannedArtifact.JSON, DeterministicJson.write(manifest(history, plan, artifacts)),
                history.events().stream().map(LedgerEvent::eventId).toList(), history.latestTime(), true);
        List<Artifact> bundled = new ArrayList<>(artifacts);
        bundled.add(manifest);
        return new IncidentEvidence(incidentId, artifacts, manifest, EvidenceBundle.zip(bundled));
    }

    private static EvidenceManifest manifest(IncidentHistory history, EvidencePlan plan, List<Artifact> artifacts) {
        List<PlannedArtifact> required = plan.artifacts().stream().filter(PlannedArtifact::required).toList();
        long happened = required.stream().filter(PlannedArtifact::phaseHappened).count();
        LedgerEvent head = history.last();
        return new EvidenceManifest(history.incidentId(), PROTOCOL, history.latestTime(), EvidenceManifest.PRODUCER,
                artifacts.stream().map(EvidenceManifest.Entry::of).toList(), upstream(history),
                plan.holds(EvidencePlan.ALERT_TUNING_FEEDBACK) ? List.of(POSTMORTEM, MONITORING) : List.of(POSTMORTEM),
                Math.round(happened * 10_000.0 / required.size()) / 10_000.0,
                required.stream().filter(a -> !a.phaseHappened()).map(PlannedArtifact::name).toList(), plan.absent(),
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
}
