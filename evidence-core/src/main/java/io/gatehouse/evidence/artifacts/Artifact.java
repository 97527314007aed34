package io.gatehouse.evidence.artifacts;

import io.gatehouse.evidence.log.HashChain;
import java.time.Instant;
import java.util.List;

/**
 * One rendered evidence file.
 *
 * @param derivedFrom ids of the events it was rendered from, in ledger order
 * @param createdAt time of the latest event it derives from; for a phase that has not happened, of the incident's
 *     latest event, the moment the "not yet" is true as of
 * @param phaseHappened whether the events of its phase exist, or it only says that the phase has not happened
 */
public record Artifact(String name, String mediaType, byte[] bytes, List<String> derivedFrom, Instant createdAt,
                       boolean phaseHappened) {

    public String sha256() {
        return HashChain.sha256(bytes);
    }
}
