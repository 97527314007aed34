package io.gatehouse.evidence.ledger;

import io.gatehouse.events.LedgerEntrySequenced;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.evidence.log.CanonicalEvent;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.evidence.log.MerkleHashes;
import io.gatehouse.evidence.log.MerkleTree;
import io.gatehouse.evidence.log.RightEdge;
import io.gatehouse.messaging.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Appends events to the ledger, each event once: as the next leaf of the RFC 6962 Merkle tree, chained to the entry
 * before, and announced on gatehouse.ledger with its position, so the order is recorded in the log itself and a replay
 * rebuilds the same tree. A batch of events is appended in one transaction, with one lock of the head, one look-up of
 * the ids already recorded, batched inserts and the new subtrees computed from the tree's right edge; its outcome is
 * that of appending its events one by one.
 */
@ApplicationScoped
public class Ledger {

    private static final HexFormat HEX = HexFormat.of();

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
     * An event to append: its attributes, its body as decoded when the record was checked, the exact bytes published,
     * and where it was read from.
     */
    public record Recording(CloudEvent event, SpecificRecord body, byte[] data, Origin origin) {
    }

    /**
     * Appends the events in their order, each unless an event with its id is in the ledger already (a redelivery, also
     * within {@code recordings}). The result is the same, byte for byte and announcement for announcement, as appending
     * them one at a time: consecutive leaves, each chained to the one before, and for each entry, in leaf order, its
     * LedgerEntrySequenced followed by whatever the observers of {@link EntryAppended} derive from it.
     *
     * @return the entries written, in leaf order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LedgerEntry> append(List<Recording> recordings) {
        if (recordings.isEmpty()) {
            return List.of();
        }
        Head head = lockHead();
        Set<String> recorded = alreadyRecorded(recordings);
        List<LedgerEntry> entries = new ArrayList<>(recordings.size());
        List<SpecificRecord> bodies = new ArrayList<>(recordings.size());
        long seq = head.seq();
        String previousHash = head.entryHash();
        Instant now = Instant.now();
        for (Recording recording : recordings) {
            if (recorded.add(recording.event().id())) {
                LedgerEntry entry = entry(++seq, previousHash, recording, now);
                previousHash = entry.entryHash;
                entries.add(entry);
                bodies.add(recording.body());
            }
        }
        if (entries.isEmpty()) {
            return entries;
        }
        // Every row of the batch is written first, in batched statements; observers then see the ledger up to each
        // entry (and read nothing beyond it), exactly as if it were the newest.
        entries.forEach(entityManager::persist);
        entityManager.flush();
        subtrees.store(completedSubtrees(head.seq(), entries));
        entityManager.createNativeQuery("update ledger_head set seq = ?1, entry_hash = ?2 where id = 1")
                .setParameter(1, seq)
                .setParameter(2, previousHash)
                .executeUpdate();
        for (int i = 0; i < entries.size(); i++) {
            announce(entries.get(i));
            appended.fire(new EntryAppended(entries.get(i), bodies.get(i)));
        }
        return entries;
    }

    private static LedgerEntry entry(long seq, String previousHash, Recording recording, Instant recordedAt) {
        CloudEvent event = recording.event();
        LedgerEntry entry = new LedgerEntry();
        entry.seq = seq;
        entry.eventId = event.id();
        entry.topic = recording.origin().topic();
        entry.partition = recording.origin().partition();
        entry.offset = recording.origin().offset();
        entry.subject = event.subject();
        entry.type = event.type();
        entry.source = event.source();
        entry.time = event.time();
        entry.canonical = CanonicalEvent.of(event, recording.data());
        entry.eventSha256 = HashChain.sha256(entry.canonical);
        entry.previousHash = previousHash;
        entry.entryHash = HashChain.link(previousHash, entry.eventSha256);
        entry.leafHash = MerkleHashes.leafHex(entry.canonical);
        entry.recordedAt = recordedAt;
        return entry;
    }

    /** The ids among {@code recordings} that the ledger holds already, asked in one query. */
    private Set<String> alreadyRecorded(List<Recording> recordings) {
        List<String> ids = recordings.stream().map(r -> r.event().id()).distinct().toList();
        return new HashSet<>(entityManager.createQuery("select e.eventId from LedgerEntry e where e.eventId in :ids", String.class)
                .setParameter("ids", ids).getResultList());
    }

    /** The subtrees the entries complete, computed from the right edge of the tree of {@code size} leaves they extend. */
    private List<MerkleTree.Node> completedSubtrees(long size, List<LedgerEntry> entries) {
        RightEdge edge = RightEdge.of(size, subtrees);
        List<MerkleTree.Node> completed = new ArrayList<>(2 * entries.size());
        for (LedgerEntry entry : entries) {
            completed.addAll(edge.append(HEX.parseHex(entry.leafHash)));
        }
        return completed;
    }

    /**
     * Entries recorded before the ledger was a Merkle tree get their leaves and their place on gatehouse.ledger, in
     * ledger order, before any new entry: the tree then covers every entry.
     */
    void sequenceEarlierEntries(@Observes StartupEvent started) {
        QuarkusTransaction.requiringNew().run(() -> {
            lockHead();
            long leaves = ((Number) entityManager.createNativeQuery("select count(*) from merkle_subtree where level = 0").getSingleResult()).longValue();
            List<LedgerEntry> unsequenced = LedgerEntry.list("seq > ?1 order by seq", leaves);
            if (!unsequenced.isEmpty()) {
                subtrees.store(completedSubtrees(leaves, unsequenced));
                unsequenced.forEach(this::announce);
            }
        });
    }

    private void announce(LedgerEntry entry) {
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
