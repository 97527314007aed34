package io.gatehouse.evidence.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One recorded domain event and its link in the hash chain. Entries are only ever appended. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    @Id
    public long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "kafka_partition", nullable = false)
    public int partition;

    @Column(name = "kafka_offset", nullable = false)
    public long offset;

    @Column(nullable = false)
    public String subject;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    @Column(name = "event_time", nullable = false)
    public Instant time;

    /** The bytes hashed: see {@link CanonicalEvent}. */
    @Column(nullable = false)
    public byte[] canonical;

    @Column(name = "event_sha256", nullable = false)
    public String eventSha256;

    /** SHA-256 of 0x00 and the canonical bytes: the entry's leaf in the Merkle tree, whose index is {@link #leafIndex()}. */
    @Column(name = "leaf_hash", nullable = false)
    public String leafHash;

    @Column(name = "previous_hash", nullable = false)
    public String previousHash;

    @Column(name = "entry_hash", nullable = false)
    public String entryHash;

    /** When this service wrote the entry: operational only, never part of evidence. */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The entry's position in the Merkle tree, counted from 0. */
    public long leafIndex() {
        return seq - 1;
    }

    public static List<LedgerEntry> ofSubject(String subject) {
        return list("subject", Sort.ascending("seq"), subject);
    }

    /** The subject's entries up to and including position {@code seq}: the ledger as it was when that entry was the newest. */
    public static List<LedgerEntry> ofSubjectUpTo(String subject, long seq) {
        return list("subject = ?1 and seq <= ?2", Sort.ascending("seq"), subject, seq);
    }
}
