package io.gatehouse.evidence.sealed;

import java.util.List;

/**
 * seal-manifest.json: what was sealed, the tree it was sealed under, and every other file of the bundle with its
 * digest, sorted by name.
 *
 * @param rootHash the tree's root at treeSize, lowercase hex
 */
public record SealManifest(String subject, int protocol, int seal, String triggerEventId, long triggerLeafIndex, long treeSize,
                           String rootHash, List<SealedBundle.SealedFile> files) {
}
