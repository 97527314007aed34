package io.gatehouse.evidence.ledger;

import io.gatehouse.evidence.log.MerkleTree;
import io.gatehouse.evidence.log.SubtreeHashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.List;
import org.hibernate.Session;

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

    /** Stores subtrees just completed, in one batched statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    void store(List<MerkleTree.Node> nodes) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into merkle_subtree (level, idx, hash) values (?, ?, ?)")) {
                for (MerkleTree.Node node : nodes) {
                    insert.setInt(1, node.level());
                    insert.setLong(2, node.index());
                    insert.setBytes(3, node.hash());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    public MerkleTree tree() {
        return new MerkleTree(this);
    }
}
