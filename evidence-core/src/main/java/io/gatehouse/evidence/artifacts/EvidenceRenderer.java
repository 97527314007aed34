package io.gatehouse.evidence.artifacts;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a protocol's evidence from a subject's events alone. Times come from the events and every collection is
 * in ledger order or sorted, so the same events always give the same bytes, on any machine, at any time.
 */
public final class EvidenceRenderer {

    private EvidenceRenderer() {
    }

    /**
     * @param events the subject's events in ledger order; at least one
     */
    public static Evidence render(EvidenceProtocol protocol, String subject, List<LedgerEvent> events) {
        SubjectHistory history = new SubjectHistory(subject, protocol.number(), events);
        EvidencePlan plan = protocol.plan(history);
        List<Artifact> artifacts = plan.artifacts().stream().map(a -> a.render(history, plan)).toList();
        Artifact manifest = new Artifact(Evidence.MANIFEST, PlannedArtifact.JSON,
                DeterministicJson.write(manifest(protocol, history, plan, artifacts)),
                history.events().stream().map(LedgerEvent::eventId).toList(), history.latestTime(), true);
        Map<String, byte[]> bundled = new TreeMap<>();
        artifacts.forEach(a -> bundled.put(a.name(), a.bytes()));
        bundled.put(manifest.name(), manifest.bytes());
        return new Evidence(subject, protocol.number(), artifacts, manifest, protocol.bundleName(), EvidenceBundle.zip(bundled));
    }

    private static EvidenceManifest manifest(EvidenceProtocol protocol, SubjectHistory history, EvidencePlan plan, List<Artifact> artifacts) {
        LedgerEvent head = history.last();
        return new EvidenceManifest(history.subject(), protocol.number(), history.latestTime(), EvidenceManifest.PRODUCER,
                artifacts.stream().map(EvidenceManifest.Entry::of).toList(), protocol.upstream(history), protocol.downstream(history, plan),
                plan.completeness(), plan.pending(), plan.absent(),
                new EvidenceManifest.LedgerLeaf(head.leafIndex(), head.leafHash()));
    }
}
