package io.gatehouse.audit.ledger;

import io.gatehouse.audit.report.Difference;
import io.gatehouse.evidence.log.InMemoryTree;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The ledger as the log alone gives it.
 *
 * @param origin the log's origin line; null when the log has no ledger yet
 * @param leaves every leaf, in leaf order
 * @param tree the RFC 6962 tree over the leaves' hashes
 * @param checkpoints the checkpoints the log's key signed, in the order they were published
 * @param differences every way the log disagrees with itself: a leaf whose record is missing or other than sequenced,
 *     a checkpoint that is forged or does not match the tree
 * @param unrecorded well-formed domain events the ledger has not recorded (yet): evidence-service's lag, not tampering
 * @param unrecordable domain records that are no evidence (evidence-service sends them to its dead-letter topic)
 */
public record RebuiltLedger(String origin, List<RebuiltLeaf> leaves, InMemoryTree tree, List<LogCheckpoint> checkpoints,
                            List<Difference> differences, long unrecorded, long unrecordable) {

    /** The newest checkpoint the log's key signed. */
    public Optional<LogCheckpoint> latestCheckpoint() {
        return checkpoints.stream().reduce((earlier, later) -> later.size() >= earlier.size() ? later : earlier);
    }

    public String rootHex() {
        return HexFormat.of().formatHex(tree.tree().root(tree.size()));
    }
}
