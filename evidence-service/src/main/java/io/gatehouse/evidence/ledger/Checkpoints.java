package io.gatehouse.evidence.ledger;

import io.gatehouse.events.LedgerCheckpointSigned;
import io.gatehouse.events.Topics;
import io.gatehouse.evidence.log.Checkpoint;
import io.gatehouse.evidence.log.MerkleTree;
import io.gatehouse.messaging.outbox.Outbox;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signs checkpoints of the tree: every {@code gatehouse.ledger.checkpoint-interval} while entries arrive, and at the
 * exact size each seal needs. Before signing, the tree must still have the root of the latest checkpoint at its size and
 * extend it: a checkpoint is never signed for a tree inconsistent with an earlier one, so entries removed or rewritten
 * under a signed checkpoint stop the log from signing instead of being papered over.
 */
@ApplicationScoped
public class Checkpoints {

    private static final HexFormat HEX = HexFormat.of();

    private final EntityManager entityManager;
    private final DatabaseSubtrees subtrees;
    private final LogKey key;
    private final Outbox outbox;
    private final Ledger ledger;

    Checkpoints(EntityManager entityManager, DatabaseSubtrees subtrees, LogKey key, Outbox outbox, Ledger ledger) {
        this.entityManager = entityManager;
        this.subtrees = subtrees;
        this.key = key;
        this.outbox = outbox;
        this.ledger = ledger;
    }

    /** The latest signed checkpoint, if any was signed. */
    @Transactional
    public Optional<LedgerCheckpoint> latest() {
        return LedgerCheckpoint.latest();
    }

    /** Signs the tree as it is now, when it grew since the latest checkpoint. */
    @Scheduled(every = "${gatehouse.ledger.checkpoint-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void signGrowth() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // Appends wait while the head is held: hold it only when there is something to sign.
                if (grewSinceLatest(ledger.head().seq())) {
                    long size = ledger.lockHead().seq();
                    if (grewSinceLatest(size)) {
                        signAt(size);
                    }
                }
            });
        } catch (RuntimeException e) {
            // PostgreSQL away, or a tree that no longer matches its checkpoints: the next run tries again; readiness and
            // GET /v1/evidence/ledger/verification say which.
            Log.warnf("no checkpoint signed this time: %s", e.getMessage());
        }
    }

    private static boolean grewSinceLatest(long size) {
        return size > 0 && LedgerCheckpoint.latest().map(c -> c.treeSize < size).orElse(true);
    }

    /**
     * The signed checkpoint of the tree's first {@code size} leaves, signed now unless it exists. Runs in the caller's
     * transaction, which must hold the ledger head (appends wait meanwhile, so the tree cannot change underneath).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerCheckpoint signAt(long size) {
        LedgerCheckpoint existing = LedgerCheckpoint.findById(size);
        if (existing != null) {
            return existing;
        }
        MerkleTree tree = subtrees.tree();
        byte[] root = tree.root(size);
        LedgerCheckpoint.latest().ifPresent(latest -> requireConsistent(tree, latest, size, root));
        Checkpoint checkpoint = new Checkpoint(key.key().name(), size, root);
        LedgerCheckpoint signed = new LedgerCheckpoint();
        signed.treeSize = size;
        signed.rootHash = checkpoint.rootHex();
        signed.note = checkpoint.sign(key.key());
        signed.signedAt = Instant.now();
        signed.persist();
        Instant lastEventTime = (Instant) entityManager.createQuery("select time from LedgerEntry where seq = ?1")
                .setParameter(1, size).getSingleResult();
        outbox.append(Topics.LEDGER, key.key().name(), LedgerCheckpointSigned.newBuilder().setOrigin(key.key().name()).setTreeSize(size)
                .setRootHash(signed.rootHash).setNote(signed.note).build(), "checkpoint:" + size, lastEventTime);
        return signed;
    }

    private static void requireConsistent(MerkleTree tree, LedgerCheckpoint latest, long size, byte[] root) {
        byte[] signedRoot = HEX.parseHex(latest.rootHash);
        boolean consistent = size >= latest.treeSize
                ? MerkleTree.verifyConsistency(latest.treeSize, size, signedRoot, root, tree.consistencyProof(latest.treeSize, size))
                : MerkleTree.verifyConsistency(size, latest.treeSize, root, signedRoot, tree.consistencyProof(size, latest.treeSize));
        if (!consistent) {
            throw new IllegalStateException("the tree of " + size + " entries is not consistent with the checkpoint signed at "
                    + latest.treeSize + ": entries under a signed checkpoint were changed; no checkpoint is signed until it is restored");
        }
    }
}
