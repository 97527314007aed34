package io.gatehouse.evidence.ledger;

import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.evidence.log.CanonicalEvent;
import io.gatehouse.evidence.log.HashChain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Appends events to the hash-chained ledger, each event once. */
@ApplicationScoped
public class Ledger {

    /** The newest entry: its position and hash. */
    public record Head(long seq, String entryHash) {
    }

    /** Where a recorded event was read from. */
    public record Origin(String topic, int partition, long offset) {
    }

    private final EntityManager entityManager;

    Ledger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Appends the event unless an event with its id is in the ledger already (a redelivery).
     *
     * @return true when a new entry was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean append(CloudEvent event, byte[] data, Origin origin) {
        Head head = lockHead();
        if (LedgerEntry.count("eventId", event.id()) > 0) {
            return false;
        }
        LedgerEntry entry = new LedgerEntry();
        entry.seq = head.seq() + 1;
        entry.eventId = event.id();
        entry.topic = origin.topic();
        entry.partition = origin.partition();
        entry.offset = origin.offset();
        entry.subject = event.subject();
        entry.type = event.type();
        entry.source = event.source();
        entry.time = event.time();
        entry.canonical = CanonicalEvent.of(event, data);
        entry.eventSha256 = HashChain.sha256(entry.canonical);
        entry.previousHash = head.entryHash();
        entry.entryHash = HashChain.link(head.entryHash(), entry.eventSha256);
        entry.recordedAt = Instant.now();
        entry.persist();
        entityManager.createNativeQuery("update ledger_head set seq = ?1, entry_hash = ?2 where id = 1")
                .setParameter(1, entry.seq)
                .setParameter(2, entry.entryHash)
                .executeUpdate();
        return true;
    }

    /** The newest entry, as of now. */
    @Transactional
    public Head head() {
        return readHead("");
    }

    // Locking the head row serializes appends across threads and instances: no two entries claim one position.
    private Head lockHead() {
        return readHead(" for update");
    }

    private Head readHead(String lock) {
        Object[] row = (Object[]) entityManager.createNativeQuery("select seq, entry_hash from ledger_head where id = 1" + lock)
                .getSingleResult();
        return new Head(((Number) row[0]).longValue(), (String) row[1]);
    }
}
