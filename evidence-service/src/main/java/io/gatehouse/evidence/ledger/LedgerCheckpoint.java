package io.gatehouse.evidence.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A signed checkpoint of the tree: a C2SP tlog-checkpoint in a signed note. */
@Entity
@Table(name = "ledger_checkpoint")
public class LedgerCheckpoint extends PanacheEntityBase {

    @Id
    @Column(name = "tree_size")
    public long treeSize;

    @Column(name = "root_hash", nullable = false)
    public String rootHash;

    @Column(nullable = false)
    public String note;

    /** When it was signed: operational only, never part of evidence. */
    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    public static Optional<LedgerCheckpoint> latest() {
        return find("order by treeSize desc").firstResultOptional();
    }
}
