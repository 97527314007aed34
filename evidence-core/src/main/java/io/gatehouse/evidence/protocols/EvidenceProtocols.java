package io.gatehouse.evidence.protocols;

import io.gatehouse.evidence.artifacts.EvidenceProtocol;
import io.gatehouse.evidence.incident.IncidentArtifacts;
import io.gatehouse.evidence.release.ReleaseArtifacts;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every protocol whose evidence Gatehouse renders, in protocol order: the service and the auditor's tool use this one list. */
public final class EvidenceProtocols {

    public static final List<EvidenceProtocol> ALL = List.of(new ReleaseArtifacts(), new IncidentArtifacts());

    private EvidenceProtocols() {
    }

    /** The protocol whose subject has ledger entries of these CloudEvents types, if any. */
    public static Optional<EvidenceProtocol> covering(Set<String> eventTypes) {
        return ALL.stream().filter(p -> p.covers(eventTypes)).findFirst();
    }
}
