package io.gatehouse.evidence.ledger;

import io.gatehouse.events.LedgerEntrySequenced;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.evidence.log.CanonicalEvent;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.evidence.log.MerkleHashes;
import io.gatehouse.messaging.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Appends events to the ledger, each event once: as the next leaf of the RFC 6962 Merkle tree, chained to the entry
 * before, and announced on gatehouse.ledger with its position, so the order is recorded in the log itself and a replay
 * rebuilds the same tree.
 */
@ApplicationScoped
public class Ledger {

    /** The newest entry: its position and hash. */
    public record Head(long seq, String entryHash) {
    }

    /** Where a recorded event was read from. */
    public record Origin(String topic, int partition, long offset) {
    }

    private final EntityManager entityManager;
    private final Event<EntryAppended> appended;
    private final DatabaseSubtrees subtrees;
    private final Outbox outbox;
    private final String origin;

    Ledger(EntityManager entityManager, Event<EntryAppended> appended, DatabaseSubtrees subtrees, Outbox outbox,
           @ConfigProperty(name = "gatehouse.ledger.origin") String origin) {
        this.entityManager = entityManager;
        this.appended = appended;
        this.subtrees = subtrees;
        this.outbox = outbox;
        this.origin = origin;
    }

    /**
     * Appends the event unless an event with its id is in the ledger already (a redelivery).
     *
     * @return true when a new entry was written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean append(CloudEvent event, SpecificRecord body, byte[] data, Origin origin) {
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
        entry.leafHash = MerkleHashes.leafHex(entry.canonical);
        entry.recordedAt = Instant.now();
        entry.persist();
        sequence(entry);
        entityManager.createNativeQuery("update ledger_head set seq = ?1, entry_hash = ?2 where id = 1")
                .setParameter(1, entry.seq)
                .setParameter(2, entry.entryHash)
                .executeUpdate();
        appended.fire(new EntryAppended(entry, body));
        return true;
    }

    /**
     * Entries recorded before the ledger was a Merkle tree get their leaves and their place on gatehouse.ledger, in
     * ledger order, before any new entry: the tree then covers every entry.
     */
    void sequenceEarlierEntries(@Observes StartupEvent started) {
        QuarkusTransaction.requiringNew().run(() -> {
            lockHead();
            long leaves = ((Number) entityManager.createNativeQuery("select count(*) from merkle_subtree where level = 0").getSingleResult()).longValue();
            LedgerEntry.<LedgerEntry>list("seq > ?1 order by seq", leaves).forEach(this::sequence);
        });
    }

    private void sequence(LedgerEntry entry) {
        subtrees.append(entry.leafIndex(), HexFormat.of().parseHex(entry.leafHash));
        outbox.append(Topics.LEDGER, origin, LedgerEntrySequenced.newBuilder().setOrigin(origin).setLeafIndex(entry.leafIndex())
                .setEventId(entry.eventId).setSubject(entry.subject).setTopic(entry.topic).setPartition(entry.partition)
                .setOffset(entry.offset).setLeafHash(entry.leafHash).build(), entry.eventId, entry.time);
    }

    /** The newest entry, as of now. */
    @Transactional
    public Head head() {
        return readHead("");
    }

    // Locking the head row serializes appends across threads and instances: no two entries claim one position.
    @Transactional(Transactional.TxType.MANDATORY)
    public Head lockHead() {
        return readHead(" for update");
    }

    private Head readHead(String lock) {
        Object[] row = (Object[]) entityManager.createNativeQuery("select seq, entry_hash from ledger_head where id = 1" + lock)
                .getSingleResult();
        return new Head(((Number) row[0]).longValue(), (String) row[1]);
    }
}
