package io.gatehouse.evidence.sealing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One seal of a subject: which final point, which tree, and the address of its bundle in the content-addressed store. */
@Entity
@Table(name = "sealed_bundle")
@IdClass(SealedBundleRow.Key.class)
public class SealedBundleRow extends PanacheEntityBase {

    /** The subject and its seal number. */
    public record Key(String subject, int seal) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public String subject;

    @Id
    public int seal;

    @Column(nullable = false)
    public int protocol;

    @Column(name = "trigger_event_id", nullable = false)
    public String triggerEventId;

    @Column(name = "trigger_leaf_index", nullable = false)
    public long triggerLeafIndex;

    @Column(name = "tree_size", nullable = false)
    public long treeSize;

    @Column(name = "bundle_name", nullable = false)
    public String bundleName;

    @Column(name = "bundle_sha256", nullable = false)
    public String bundleSha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** The trigger event's time. */
    @Column(name = "sealed_at", nullable = false)
    public Instant sealedAt;

    public static List<SealedBundleRow> ofSubject(String subject) {
        return list("subject = ?1 order by seal", subject);
    }

    public static Optional<SealedBundleRow> latest(String subject) {
        return find("subject = ?1 order by seal desc", subject).firstResultOptional();
    }
}
