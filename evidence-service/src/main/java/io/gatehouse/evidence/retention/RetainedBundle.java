package io.gatehouse.evidence.retention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sealed bundle as retention sees it: what sealing wrote (read only here) and where retention keeps it now, which
 * changes only through {@link #archive} and {@link #delete}.
 */
@Entity
@Table(name = "sealed_bundle")
@IdClass(RetainedBundle.Key.class)
class RetainedBundle extends PanacheEntityBase {

    /** A seal of a subject. */
    static class Key implements Serializable {

        public String subject;
        public int seal;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.seal == seal && Objects.equals(key.subject, subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subject, seal);
        }
    }

    @Id
    public String subject;

    @Id
    public int seal;

    @Column(insertable = false, updatable = false)
    public int protocol;

    @Column(name = "trigger_event_id", insertable = false, updatable = false)
    public String triggerEventId;

    @Column(name = "bundle_sha256", insertable = false, updatable = false)
    public String bundleSha256;

    /** The time of the event that triggered the seal: every retention period counts from it. */
    @Column(name = "sealed_at", insertable = false, updatable = false)
    public Instant sealedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "retention_status", nullable = false)
    RetentionStatus status;

    @Column(name = "retention_changed_at")
    Instant statusChangedAt;

    RetentionStatus status() {
        return status;
    }

    /** Its bundle has moved to the archive. */
    void archive(Instant at) {
        move(RetentionStatus.ACTIVE, RetentionStatus.ARCHIVED, at);
    }

    /** Its bundle has been deleted from the archive. */
    void delete(Instant at) {
        move(RetentionStatus.ARCHIVED, RetentionStatus.DELETED, at);
    }

    private void move(RetentionStatus from, RetentionStatus to, Instant at) {
        if (status != from) {
            throw new IllegalStateException("seal " + seal + " of " + subject + " is " + status + ", so it cannot become " + to);
        }
        status = to;
        statusChangedAt = at;
    }

    /** Every seal of any subject whose bundle has this digest, locked until the transaction ends, in one fixed order. */
    static List<RetainedBundle> lockSharing(String bundleSha256) {
        // One order for every locker: two instances locking the same rows wait for each other instead of deadlocking.
        return find("bundleSha256 = ?1 order by subject, seal", bundleSha256).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Where the seal's bundle is kept, as the database says now; empty when the subject has no such seal. */
    static Optional<RetentionStatus> statusOf(String subject, int seal) {
        // A projection, not the entity: an entity read earlier in the same session would give its status as it was then.
        return getEntityManager().createQuery("select b.status from RetainedBundle b where b.subject = ?1 and b.seal = ?2", RetentionStatus.class)
                .setParameter(1, subject).setParameter(2, seal).getResultStream().findFirst();
    }
}
