package io.gatehouse.audit.ledger;

import io.gatehouse.audit.log.Address;
import io.gatehouse.audit.report.Difference;
import io.gatehouse.events.LedgerCheckpointSigned;
import io.gatehouse.events.LedgerEntrySequenced;
import io.gatehouse.evidence.log.RecordableEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The ledger's order as gatehouse.ledger records it: one LedgerEntrySequenced per leaf, from leaf 0 on without a gap,
 * and the signed checkpoints in the order they were published. The relay that publishes them may send a record twice:
 * an identical record is the same fact and counts once, but two different records for one leaf are a difference.
 */
public final class Sequence {

    /** A leaf's sequencing record and where it was read. */
    public record Entry(LedgerEntrySequenced sequenced, Address address) {
    }

    /** A checkpoint event and where it was read; its note is not checked yet. */
    public record PublishedCheckpoint(LedgerCheckpointSigned event, Address address) {
    }

    private final String origin;
    private final List<Entry> leaves;
    private final List<PublishedCheckpoint> checkpoints;
    private final List<Difference> differences;
    private final long sequencedPastAGap;

    private Sequence(String origin, List<Entry> leaves, List<PublishedCheckpoint> checkpoints, List<Difference> differences, long sequencedPastAGap) {
        this.origin = origin;
        this.leaves = List.copyOf(leaves);
        this.checkpoints = List.copyOf(checkpoints);
        this.differences = List.copyOf(differences);
        this.sequencedPastAGap = sequencedPastAGap;
    }

    /** @param records gatehouse.ledger's records in offset order */
    public static Sequence read(List<ConsumerRecord<String, byte[]>> records) {
        List<Difference> differences = new ArrayList<>();
        TreeMap<Long, Entry> byLeaf = new TreeMap<>();
        Map<String, Long> leafOfEvent = new HashMap<>();
        Map<String, PublishedCheckpoint> checkpoints = new LinkedHashMap<>();
        String origin = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            Address address = new Address(record.topic(), record.partition(), record.offset());
            RecordableEvent recordable = RecordableEvent.of(record);
            if (!recordable.recordable()) {
                differences.add(new Difference(address.toString(), "not a ledger event: " + recordable.problem()));
                continue;
            }
            SpecificRecord event = recordable.body();
            String eventOrigin = originOf(event);
            if (eventOrigin == null) {
                differences.add(new Difference(address.toString(), "a " + event.getSchema().getName() + " does not belong on the ledger's topic"));
                continue;
            }
            if (origin == null) {
                origin = eventOrigin;
            } else if (!origin.equals(eventOrigin)) {
                differences.add(new Difference(address.toString(), "belongs to the log " + eventOrigin + ", not to " + origin));
                continue;
            }
            if (event instanceof LedgerEntrySequenced) {
                sequence(new Entry((LedgerEntrySequenced) event, address), byLeaf, leafOfEvent, differences);
            } else {
                LedgerCheckpointSigned checkpoint = (LedgerCheckpointSigned) event;
                checkpoints.putIfAbsent(checkpoint.getTreeSize() + "\n" + checkpoint.getNote(), new PublishedCheckpoint(checkpoint, address));
            }
        }
        List<Entry> leaves = new ArrayList<>();
        for (Entry entry : byLeaf.values()) {
            if (entry.sequenced().getLeafIndex() != leaves.size()) {
                differences.add(new Difference("leaf " + leaves.size(), "no LedgerEntrySequenced for it, though the log sequences leaves up to "
                        + byLeaf.lastKey() + ": the tree is rebuilt up to leaf " + (leaves.size() - 1) + " only"));
                break;
            }
            leaves.add(entry);
        }
        return new Sequence(origin, leaves, List.copyOf(checkpoints.values()), differences, byLeaf.size() - leaves.size());
    }

    private static void sequence(Entry entry, TreeMap<Long, Entry> byLeaf, Map<String, Long> leafOfEvent, List<Difference> differences) {
        LedgerEntrySequenced sequenced = entry.sequenced();
        long leaf = sequenced.getLeafIndex();
        if (leaf < 0) {
            differences.add(new Difference(entry.address().toString(), "sequences leaf " + leaf + ": leaves are counted from 0"));
            return;
        }
        Entry earlier = byLeaf.get(leaf);
        if (earlier != null) {
            if (!earlier.sequenced().equals(sequenced)) {
                differences.add(new Difference("leaf " + leaf, "sequenced twice, differently: as " + describe(earlier) + ", then as " + describe(entry)));
            }
            return;
        }
        Long leafBefore = leafOfEvent.putIfAbsent(sequenced.getEventId(), leaf);
        if (leafBefore != null) {
            differences.add(new Difference("leaf " + leaf, "sequences event " + sequenced.getEventId() + " again, which is leaf " + leafBefore
                    + " already: the ledger records each event once"));
        }
        byLeaf.put(leaf, entry);
    }

    private static String describe(Entry entry) {
        LedgerEntrySequenced s = entry.sequenced();
        return "event " + s.getEventId() + " of " + s.getSubject() + " from " + new Address(s.getTopic(), s.getPartition(), s.getOffset())
                + " with leaf hash " + s.getLeafHash() + " (" + entry.address() + ")";
    }

    private static String originOf(SpecificRecord event) {
        if (event instanceof LedgerEntrySequenced) {
            return ((LedgerEntrySequenced) event).getOrigin();
        }
        if (event instanceof LedgerCheckpointSigned) {
            return ((LedgerCheckpointSigned) event).getOrigin();
        }
        return null;
    }

    /** The log's origin line; null when gatehouse.ledger holds nothing. */
    public String origin() {
        return origin;
    }

    /** The leaves from 0 up to the first gap, in leaf order. */
    public List<Entry> leaves() {
        return leaves;
    }

    /** Each distinct checkpoint, in the order it was published. */
    public List<PublishedCheckpoint> checkpoints() {
        return checkpoints;
    }

    public List<Difference> differences() {
        return differences;
    }

    /** Leaves sequenced after a gap, which no tree can hold. */
    public long sequencedPastAGap() {
        return sequencedPastAGap;
    }
}
