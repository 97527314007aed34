package io.gatehouse.evidence.artifacts;

import java.util.List;
import java.util.Optional;

/**
 * A subject's evidence under one protocol.
 *
 * @param artifacts the required artifacts and the optional ones its events call for, sorted by name
 * @param manifest evidence-manifest.json
 * @param bundleName the protocol's name for the bundle, e.g. INCIDENT-EVIDENCE-BUNDLE.zip
 * @param bundle the artifacts and the manifest, bit-for-bit reproducible
 */
public record Evidence(String subject, int protocol, List<Artifact> artifacts, Artifact manifest, String bundleName, byte[] bundle) {

    public static final String MANIFEST = "evidence-manifest.json";

    /** An artifact or the manifest, by file name. */
    public Optional<Artifact> file(String name) {
        if (MANIFEST.equals(name)) {
            return Optional.of(manifest);
        }
        return artifacts.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
