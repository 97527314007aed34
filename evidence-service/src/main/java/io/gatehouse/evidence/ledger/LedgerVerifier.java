package io.gatehouse.evidence.ledger;

import io.gatehouse.evidence.log.Checkpoint;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.evidence.log.InMemoryTree;
import io.gatehouse.evidence.log.MerkleHashes;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Walks the whole ledger from its first entry and recomputes every hash from the stored event bytes: the hash chain,
 * each leaf of the Merkle tree, and the tree's root at the latest signed checkpoint. The first entry whose bytes, hashes,
 * link or position does not check out is named; a tail removed under a signed checkpoint is named by that checkpoint.
 */
@ApplicationScoped
public class LedgerVerifier {

    private static final int PAGE = 500;
    private static final HexFormat HEX = HexFormat.of();

    private final LogKey key;

    LedgerVerifier(LogKey key) {
        this.key = key;
    }

    /**
     * The outcome.
     *
     * @param checkpointTreeSize the size of the latest signed checkpoint the entries were checked against; null when none
     *     was signed yet
     * @param rootHash the root recomputed from the stored events, lowercase hex
     */
    public record Verification(boolean intact, long entriesChecked, Long firstBadSeq, String problem, String headHash,
                               Long checkpointTreeSize, String rootHash) {
    }

    @Transactional
    public Verification verify() {
        InMemoryTree tree = new InMemoryTree();
        String previousHash = HashChain.GENESIS;
        long expectedSeq = 1;
        for (int page = 0; ; page++) {
            List<LedgerEntry> entries = LedgerEntry.findAll(Sort.ascending("seq")).page(Page.of(page, PAGE)).list();
            for (LedgerEntry entry : entries) {
                String problem = problemWith(entry, expectedSeq, previousHash);
                if (problem != null) {
                    return new Verification(false, expectedSeq - 1, entry.seq, problem, previousHash, null, null);
                }
                tree.append(HEX.parseHex(entry.leafHash));
                previousHash = entry.entryHash;
                expectedSeq++;
            }
            if (entries.size() < PAGE) {
                return againstCheckpoint(tree, previousHash);
            }
        }
    }

    private Verification againstCheckpoint(InMemoryTree tree, String headHash) {
        long size = tree.size();
        String root = HEX.formatHex(tree.tree().root(size));
        Optional<LedgerCheckpoint> latest = LedgerCheckpoint.latest();
        if (latest.isEmpty()) {
            return new Verification(true, size, null, null, headHash, null, root);
        }
        LedgerCheckpoint checkpoint = latest.get();
        Optional<Checkpoint> signed = Checkpoint.open(checkpoint.note, key.key());
        if (signed.isEmpty() || signed.get().size() != checkpoint.treeSize || !signed.get().rootHex().equals(checkpoint.rootHash)) {
            return new Verification(false, size, null, "the latest checkpoint (size " + checkpoint.treeSize
                    + ") is not signed by the log's key or does not say what its row says: it was forged or altered", headHash, checkpoint.treeSize, root);
        }
        if (checkpoint.treeSize > size) {
            return new Verification(false, size, size + 1, "the ledger ends at entry " + size + " but a checkpoint was signed for "
                    + checkpoint.treeSize + " entries: entries " + (size + 1) + " to " + checkpoint.treeSize + " were removed", headHash,
                    checkpoint.treeSize, root);
        }
        if (!HEX.formatHex(tree.tree().root(checkpoint.treeSize)).equals(checkpoint.rootHash)) {
            return new Verification(false, size, null, "the first " + checkpoint.treeSize
                    + " entries do not give the root of the checkpoint signed for them: entries under it were replaced", headHash,
                    checkpoint.treeSize, root);
        }
        return new Verification(true, size, null, null, headHash, checkpoint.treeSize, root);
    }

    static String problemWith(LedgerEntry entry, long expectedSeq, String previousHash) {
        if (entry.seq != expectedSeq) {
            return "entry " + expectedSeq + " is missing; the next entry is " + entry.seq;
        }
        if (!HashChain.sha256(entry.canonical).equals(entry.eventSha256)) {
            return "the event bytes do not match their recorded SHA-256: the event was altered";
        }
        if (!MerkleHashes.leafHex(entry.canonical).equals(entry.leafHash)) {
            return "the event bytes do not match their leaf hash: the event was altered";
        }
        if (!entry.previousHash.equals(previousHash)) {
            return "the entry does not link to the entry before it: entries were dropped or reordered";
        }
        if (!HashChain.link(previousHash, entry.eventSha256).equals(entry.entryHash)) {
            return "the entry hash does not match: the entry was altered";
        }
        return null;
    }
}
