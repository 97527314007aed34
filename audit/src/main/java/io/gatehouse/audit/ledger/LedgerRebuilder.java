package io.gatehouse.audit.ledger;

import io.gatehouse.audit.log.Address;
import io.gatehouse.audit.log.AuditedTopics;
import io.gatehouse.audit.log.LogSnapshot;
import io.gatehouse.audit.report.Difference;
import io.gatehouse.events.LedgerCheckpointSigned;
import io.gatehouse.events.LedgerEntrySequenced;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.evidence.log.CanonicalEvent;
import io.gatehouse.evidence.log.Checkpoint;
import io.gatehouse.evidence.log.InMemoryTree;
import io.gatehouse.evidence.log.MerkleHashes;
import io.gatehouse.evidence.log.MerkleTree;
import io.gatehouse.evidence.log.NoteKey;
import io.gatehouse.evidence.log.RecordableEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Rebuilds the ledger from the log: each leaf from the domain record its LedgerEntrySequenced names, by the same rule
 * and the same canonical bytes evidence-service used, then the tree, then every published checkpoint against it.
 */
public final class LedgerRebuilder {

    private static final HexFormat HEX = HexFormat.of();

    private LedgerRebuilder() {
    }

    /** @param logKey the log's verifier key: checkpoints count only when it signed them */
    public static RebuiltLedger rebuild(LogSnapshot log, NoteKey logKey) {
        Sequence sequence = Sequence.read(log.records(Topics.LEDGER));
        List<Difference> differences = new ArrayList<>(sequence.differences());
        // Each leaf depends on its own record only: they are rebuilt in parallel, then taken in leaf order.
        List<Built> built = sequence.leaves().parallelStream().map(entry -> leaf(entry.sequenced(), log)).toList();
        List<RebuiltLeaf> leaves = new ArrayList<>(built.size());
        InMemoryTree tree = new InMemoryTree();
        for (Built leaf : built) {
            differences.addAll(leaf.differences());
            leaves.add(leaf.leaf());
            tree.append(HEX.parseHex(leaf.leaf().leafHash()));
        }
        List<LogCheckpoint> checkpoints = checkpoints(sequence, tree, logKey, differences);
        Map<Standing, Long> domainRecords = standings(log, leaves);
        return new RebuiltLedger(sequence.origin(), leaves, tree, checkpoints, differences, domainRecords.getOrDefault(Standing.UNRECORDED, 0L),
                domainRecords.getOrDefault(Standing.UNRECORDABLE, 0L));
    }

    /** A leaf as rebuilt, and how it differs from its sequencing record. */
    private record Built(RebuiltLeaf leaf, List<Difference> differences) {
    }

    /** What a domain record is to the ledger. */
    private enum Standing { RECORDED, UNRECORDED, UNRECORDABLE }

    private static Map<Standing, Long> standings(LogSnapshot log, List<RebuiltLeaf> leaves) {
        Set<Address> leafRecords = new HashSet<>();
        Set<String> recorded = new HashSet<>();
        for (RebuiltLeaf leaf : leaves) {
            recorded.add(leaf.eventId());
            if (leaf.rebuilt()) {
                leafRecords.add(leaf.address());
            }
        }
        return AuditedTopics.DOMAIN.stream().flatMap(topic -> log.records(topic).stream()).toList().parallelStream()
                .map(record -> {
                    if (leafRecords.contains(new Address(record.topic(), record.partition(), record.offset()))) {
                        return Standing.RECORDED;
                    }
                    RecordableEvent recordable = RecordableEvent.of(record);
                    if (!recordable.recordable()) {
                        return Standing.UNRECORDABLE;
                    }
                    return recorded.contains(recordable.event().id()) ? Standing.RECORDED : Standing.UNRECORDED;
                })
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static Built leaf(LedgerEntrySequenced sequenced, LogSnapshot log) {
        long index = sequenced.getLeafIndex();
        String where = "leaf " + index;
        Address address = new Address(sequenced.getTopic(), sequenced.getPartition(), sequenced.getOffset());
        RebuiltLeaf unrebuilt = new RebuiltLeaf(index, sequenced.getEventId(), sequenced.getSubject(), null, null, address, null, sequenced.getLeafHash());
        if (!AuditedTopics.isDomain(address.topic())) {
            return new Built(unrebuilt, List.of(new Difference(where, "event " + sequenced.getEventId() + " is sequenced from " + address
                    + ", which is not a topic the ledger records")));
        }
        Optional<ConsumerRecord<String, byte[]>> record = log.record(address);
        if (record.isEmpty()) {
            return new Built(unrebuilt, List.of(new Difference(where, "event " + sequenced.getEventId() + " is sequenced from " + address
                    + ", which the log no longer holds: " + log.whyAbsent(address))));
        }
        RecordableEvent recordable = RecordableEvent.of(record.get());
        if (!recordable.recordable()) {
            return new Built(unrebuilt, List.of(new Difference(where, "event " + sequenced.getEventId() + " is sequenced from " + address
                    + ", which is not a recordable event: " + recordable.problem())));
        }
        CloudEvent event = recordable.event();
        if (!event.id().equals(sequenced.getEventId())) {
            return new Built(unrebuilt, List.of(new Difference(where, "the record at " + address + " is event " + event.id() + ", not event "
                    + sequenced.getEventId() + " as sequenced")));
        }
        List<Difference> differences = new ArrayList<>();
        if (!event.subject().equals(sequenced.getSubject())) {
            differences.add(new Difference(where, "event " + event.id() + " is about " + event.subject() + ", not about "
                    + sequenced.getSubject() + " as sequenced"));
        }
        byte[] canonical = CanonicalEvent.of(event, record.get().value());
        String leafHash = MerkleHashes.leafHex(canonical);
        if (!leafHash.equals(sequenced.getLeafHash())) {
            differences.add(new Difference(where, "event " + event.id() + " at " + address + " hashes to leaf " + leafHash
                    + ", but the sequence records " + sequenced.getLeafHash() + ": the recorded event and the log's differ"));
        }
        return new Built(new RebuiltLeaf(index, event.id(), event.subject(), event.type(), event.time(), address, canonical, leafHash), differences);
    }

    private static List<LogCheckpoint> checkpoints(Sequence sequence, InMemoryTree tree, NoteKey logKey, List<Difference> differences) {
        MerkleTree merkle = tree.tree();
        List<LogCheckpoint> signed = new ArrayList<>();
        LogCheckpoint previous = null;
        for (Sequence.PublishedCheckpoint published : sequence.checkpoints()) {
            LedgerCheckpointSigned event = published.event();
            String where = "checkpoint of size " + event.getTreeSize() + " (" + published.address() + ")";
            Optional<Checkpoint> opened = Checkpoint.open(event.getNote(), logKey);
            if (opened.isEmpty()) {
                differences.add(new Difference(where, "its note carries no valid signature by the log's key " + logKey.verifierKey()));
                continue;
            }
            Checkpoint checkpoint = opened.get();
            if (checkpoint.size() != event.getTreeSize() || !checkpoint.rootHex().equals(event.getRootHash())
                    || !checkpoint.origin().equals(event.getOrigin())) {
                differences.add(new Difference(where, "the event says size " + event.getTreeSize() + ", root " + event.getRootHash()
                        + ", origin " + event.getOrigin() + ", but its signed note says size " + checkpoint.size() + ", root "
                        + checkpoint.rootHex() + ", origin " + checkpoint.origin()));
            }
            LogCheckpoint current = new LogCheckpoint(checkpoint, event.getNote(), published.address());
            signed.add(current);
            if (checkpoint.size() > tree.size()) {
                differences.add(new Difference(where, "it signs " + checkpoint.size() + " leaves, but the log sequences " + tree.size()));
            } else if (!Arrays.equals(merkle.root(checkpoint.size()), checkpoint.rootHash())) {
                differences.add(new Difference(where, "it signs root " + checkpoint.rootHex() + ", but the log's first " + checkpoint.size()
                        + " leaves give " + HEX.formatHex(merkle.root(checkpoint.size()))));
            }
            if (previous != null) {
                consistency(previous, current, tree, where, differences);
            }
            previous = current;
        }
        return signed;
    }

    private static void consistency(LogCheckpoint previous, LogCheckpoint current, InMemoryTree tree, String where, List<Difference> differences) {
        long from = previous.size();
        long to = current.size();
        if (to < from) {
            differences.add(new Difference(where, "it follows a signed checkpoint of size " + from + ": the signed tree shrank"));
            return;
        }
        if (from == 0 || to > tree.size()) {
            return;
        }
        List<byte[]> proof = tree.tree().consistencyProof(from, to);
        if (!MerkleTree.verifyConsistency(from, to, previous.checkpoint().rootHash(), current.checkpoint().rootHash(), proof)) {
            differences.add(new Difference(where, "it is not consistent with the signed checkpoint of size " + from
                    + " before it: one of the two signs a tree the other does not extend"));
        }
    }
}
