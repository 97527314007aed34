package io.gatehouse.evidence.artifacts;

import java.util.List;
import java.util.Optional;

/**
 * Protocol 17's evidence for one incident.
 *
 * @param artifacts the required artifacts and the optional ones its events call for, sorted by name
 * @param manifest evidence-manifest.json
 * @param bundle INCIDENT-EVIDENCE-BUNDLE.zip: the artifacts and the manifest
 */
public record IncidentEvidence(String subject, List<Artifact> artifacts, Artifact manifest, byte[] bundle) {

    public static final String MANIFEST = "evidence-manifest.json";
    public static final String BUNDLE = "INCIDENT-EVIDENCE-BUNDLE.zip";

    /** An artifact or the manifest, by file name. */
    public Optional<Artifact> file(String name) {
        if (MANIFEST.equals(name)) {
            return Optional.of(manifest);
        }
        return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
