package io.gatehouse.audit.bench;

import io.gatehouse.audit.live.LiveEntry;
import io.gatehouse.audit.log.Address;
import io.gatehouse.events.EvidenceBundleBuilt;
import io.gatehouse.events.EvidenceManifestSealed;
import io.gatehouse.events.LedgerCheckpointSigned;
import io.gatehouse.events.LedgerEntrySequenced;
import io.gatehouse.events.Topics;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.evidence.artifacts.EvidenceProtocol;
import io.gatehouse.evidence.log.CanonicalEvent;
import io.gatehouse.evidence.log.Checkpoint;
import io.gatehouse.evidence.log.Dsse;
import io.gatehouse.evidence.log.InMemoryTree;
import io.gatehouse.evidence.log.MerkleHashes;
import io.gatehouse.evidence.log.NoteKey;
import io.gatehouse.evidence.protocols.EvidenceProtocols;
import io.gatehouse.evidence.sealed.Seal;
import io.gatehouse.evidence.sealed.SealedBundle;
import io.gatehouse.evidence.sealed.SealedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Does for a synthetic log what evidence-service does for the real one: each domain event the log holds becomes the
 * next leaf and is announced on gatehouse.ledger; a subject's final point is sealed under a checkpoint signed at once
 * for the tree that ends with it. The key is a throwaway one, the events' times are the only times used.
 */
public final class LedgerPublisher {

    private static final String SOURCE = "/gatehouse/evidence-service";

    private final LogWriter writer;
    private final NoteKey logKey;
    private final String origin;
    private final InMemoryTree tree = new InMemoryTree();
    private final List<LiveEntry> entries = new ArrayList<>();
    private final Map<String, List<SealedEvent>> eventsOf = new HashMap<>();
    private final Map<String, Set<String>> typesOf = new HashMap<>();
    private final Map<String, Integer> sealsOf = new HashMap<>();
    private Instant latestTime = Instant.EPOCH;
    private String latestNote;

    /** @param logKey a signing key; its name is the log's origin */
    public LedgerPublisher(LogWriter writer, NoteKey logKey) {
        this.writer = writer;
        this.logKey = logKey;
        this.origin = logKey.name();
    }

    /**
     * Appends the event the log holds at {@code address} as the next leaf and publishes its LedgerEntrySequenced.
     *
     * @return the subject's new seal when the event reaches a point its protocol calls final; not published yet, see
     *     {@link #publishSeal(EvidenceManifestSealed, EvidenceBundleBuilt)}
     */
    public Optional<SealedBundle> record(DomainEvent event, Address address) {
        CloudEvent attributes = event.attributes();
        byte[] canonical = CanonicalEvent.of(attributes, event.value());
        long leafIndex = tree.append(MerkleHashes.leaf(canonical));
        String leafHash = MerkleHashes.leafHex(canonical);
        entries.add(new LiveEntry(leafIndex, attributes.id(), attributes.subject(), address.topic(), address.partition(), address.offset(), leafHash,
                canonical));
        latestTime = attributes.time().isAfter(latestTime) ? attributes.time() : latestTime;
        publish(Topics.LEDGER, LedgerEntrySequenced.newBuilder().setOrigin(origin).setLeafIndex(leafIndex).setEventId(attributes.id())
                .setSubject(attributes.subject()).setTopic(address.topic()).setPartition(address.partition()).setOffset(address.offset())
                .setLeafHash(leafHash).build(), origin, attributes.id(), attributes.time());

        String subject = attributes.subject();
        eventsOf.computeIfAbsent(subject, s -> new ArrayList<>())
                .add(new SealedEvent(leafIndex, attributes.id(), attributes.type(), attributes.time(), canonical));
        Set<String> types = typesOf.computeIfAbsent(subject, s -> new HashSet<>());
        types.add(attributes.type());
        Optional<EvidenceProtocol> protocol = EvidenceProtocols.covering(types);
        if (protocol.isEmpty() || !protocol.get().isFinal(event.body())) {
            return Optional.empty();
        }
        int number = sealsOf.merge(subject, 1, Integer::sum);
        Seal seal = new Seal(subject, number, attributes.id(), leafIndex, checkpoint());
        return Optional.of(SealedBundle.seal(seal, List.copyOf(eventsOf.get(subject)), tree.tree(), logKey,
                (type, payload) -> Dsse.signature(type, payload, logKey)));
    }

    /** Signs the tree as it is and publishes the checkpoint on gatehouse.ledger; returns its signed note. */
    public String checkpoint() {
        Checkpoint checkpoint = new Checkpoint(origin, tree.size(), tree.tree().root(tree.size()));
        latestNote = checkpoint.sign(logKey);
        publish(Topics.LEDGER, LedgerCheckpointSigned.newBuilder().setOrigin(origin).setTreeSize(checkpoint.size()).setRootHash(checkpoint.rootHex())
                .setNote(latestNote).build(), origin, origin + "/" + checkpoint.size(), latestTime);
        return latestNote;
    }

    /** Publishes a seal on gatehouse.evidence as evidence-service does: the manifest, then the bundle. */
    public void publishSeal(EvidenceManifestSealed manifest, EvidenceBundleBuilt bundle) {
        publish(Topics.EVIDENCE, manifest, manifest.getSubject(), manifest.getTriggerEventId(), manifest.getSealedAt());
        publish(Topics.EVIDENCE, bundle, bundle.getSubject(), manifest.getTriggerEventId(), manifest.getSealedAt());
    }

    private void publish(String topic, SpecificRecord event, String subject, String cause, Instant time) {
        CloudEvent attributes = CloudEvent.of(event, CloudEvent.deriveId(cause, event.getSchema().getFullName(), subject), SOURCE, subject, time);
        writer.write(topic, attributes, EventCodec.encode(event));
    }

    /** The entries as evidence-service would serve them. */
    public List<LiveEntry> entries() {
        return List.copyOf(entries);
    }

    public InMemoryTree tree() {
        return tree;
    }

    /** The latest signed note; null before the first checkpoint. */
    public String latestNote() {
        return latestNote;
    }
}
