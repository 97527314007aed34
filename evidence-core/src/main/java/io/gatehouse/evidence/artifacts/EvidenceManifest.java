package io.gatehouse.evidence.artifacts;

import java.time.Instant;
import java.util.List;

/**
 * evidence-manifest.json: every artifact with its digest and the events it came from, what the evidence depends on
 * and who depends on it, how complete it is, and the ledger leaf of the subject's latest event it covers.
 *
 * @param completeness share of the required artifacts whose phase has happened, 0..1; optional artifacts are in the
 *     set only when their facts exist, so they do not count
 * @param pendingArtifacts the required artifacts that only say their phase has not happened
 * @param absentArtifacts the optional artifacts the subject's events do not call for, each with the reason
 */
public record EvidenceManifest(String subject, int protocol, Instant createdAt, String producer, List<Entry> artifacts,
                               List<Upstream> upstreamDependencies, List<Downstream> downstreamDependencies, double completeness,
                               List<String> pendingArtifacts, List<Absent> absentArtifacts, LedgerLeaf lastLeaf) {

    public static final String PRODUCER = "evidence-service";

    public record Entry(String name, String sha256, long sizeBytes, String mediaType, Instant createdAt, String producer,
                        List<String> derivedFrom) {

        static Entry of(Artifact artifact) {
            return new Entry(artifact.name(), artifact.sha256(), artifact.bytes().length, artifact.mediaType(), artifact.createdAt(),
                    PRODUCER, artifact.derivedFrom());
        }
    }

    /**
     * Evidence from elsewhere this evidence relies on.
     *
     * @param protocol the protocol that produces it; null for what no protocol produces (a script in the repository)
     * @param namedBy the subject's events that name it
     */
    public record Upstream(Integer protocol, String subject, String artifact, String reason, List<String> namedBy) {
    }

    /** Who reads this evidence next, and which artifacts they read. */
    public record Downstream(String consumer, List<String> artifacts) {
    }

    /** An optional artifact that is not in the set, and why. */
    public record Absent(String name, String reason) {
    }

    /**
     * The subject's latest event in the ledger's Merkle tree: the evidence covers every event of the subject up to it.
     * Both values follow from the events alone, so an auditor holding them re-derives this manifest byte for byte.
     */
    public record LedgerLeaf(long leafIndex, String leafHash) {
    }
}
