package io.gatehouse.evidence.ledger;

import io.gatehouse.evidence.log.MerkleTree;
import io.gatehouse.evidence.log.SubtreeHashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** The tree's perfect subtrees in table merkle_subtree: each written once, when its last leaf is appended. */
@ApplicationScoped
public class DatabaseSubtrees implements SubtreeHashes {

    private final EntityManager entityManager;

    DatabaseSubtrees(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] subtree(int level, long index) {
        List<?> hashes = entityManager.createNativeQuery("select hash from merkle_subtree where level = ?1 and idx = ?2")
                .setParameter(1, level).setParameter(2, index).getResultList();
        if (hashes.isEmpty()) {
            throw new IllegalStateException("the ledger has no complete subtree at level " + level + ", index " + index);
        }
        return (byte[]) hashes.get(0);
    }

    /** Stores the subtrees that leaf {@code leafIndex} completes. */
    @Transactional(Transactional.TxType.MANDATORY)
    void append(long leafIndex, byte[] leafHash) {
        for (MerkleTree.Node node : MerkleTree.completedBy(leafIndex, leafHash, this)) {
            entityManager.createNativeQuery("insert into merkle_subtree (level, idx, hash) values (?1, ?2, ?3)")
                    .setParameter(1, node.level()).setParameter(2, node.index()).setParameter(3, node.hash()).executeUpdate();
        }
    }

    public MerkleTree tree() {
        return new MerkleTree(this);
    }
}
