package io.gatehouse.evidence.sealed;

import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.evidence.log.CanonicalEvent;
import io.gatehouse.evidence.log.Checkpoint;
import io.gatehouse.evidence.log.Dsse;
import io.gatehouse.evidence.log.InMemoryTree;
import io.gatehouse.evidence.log.MerkleHashes;
import io.gatehouse.evidence.log.NoteKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * A ledger in memory as evidence-service keeps it: every event's canonical bytes a leaf of the tree, other subjects'
 * entries in between, checkpoints signed with a fixed test key. Event ids are derived from the subject and position,
 * so the same story gives the same bytes in every JVM.
 */
final class TestLog {

    static final String ORIGIN = "gatehouse.test/ledger";
    /** The log's key, fixed so that sealed bytes can be pinned. A test key: it signs nothing outside these tests. */
    static final NoteKey KEY = NoteKey.parseSigner("PRIVATE+KEY+gatehouse.test/ledger+60c095b4+AVqUT8prFe+YaWaOX4rKLRd0vxaQjnmIprd0V6pGSBV4");
    /** Another key of the same name: what a forger signs with. */
    static final NoteKey FORGER = NoteKey.parseSigner("PRIVATE+KEY+gatehouse.test/ledger+a71cf05e+AeeIWhkkYcY4SWK+gFpoWC/Y2FDeB23cGihzuHfWBmlD");
    static final AttestationSigner SIGNER = (type, payload) -> Dsse.signature(type, payload, KEY);

    private final InMemoryTree tree = new InMemoryTree();
    private final List<SealedEvent> recorded = new ArrayList<>();

    /** Records an event about {@code subject}, as {@code source} published it at {@code time}. */
    SealedEvent append(String subject, String source, Instant time, SpecificRecord event) {
        long leaf = tree.size();
        CloudEvent attributes = CloudEvent.of(event, CloudEvent.deriveId(subject, Long.toString(leaf)), source, subject, time);
        SealedEvent sealed = SealedEvent.of(leaf, CanonicalEvent.of(attributes, EventCodec.encode(event)));
        tree.append(MerkleHashes.leaf(sealed.canonical()));
        recorded.add(sealed);
        return sealed;
    }

    /** Entries about other subjects, recorded in between: they only take leaves. */
    void others(int entries) {
        for (int i = 0; i < entries; i++) {
            tree.append(MerkleHashes.leaf(("another subject's event " + tree.size()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    long size() {
        return tree.size();
    }

    InMemoryTree tree() {
        return tree;
    }

    /** The subject's events up to and including {@code trigger}, in leaf order. */
    List<SealedEvent> eventsUpTo(String subject, SealedEvent trigger) {
        return recorded.stream().filter(e -> e.leafIndex() <= trigger.leafIndex())
                .filter(e -> CanonicalEvent.attributes(e.canonical()).subject().equals(subject)).toList();
    }

    /** The log's signed checkpoint of its first {@code size} leaves. */
    String checkpoint(long size) {
        return new Checkpoint(ORIGIN, size, tree.tree().root(size)).sign(KEY);
    }

    /** The seal evidence-service decides at {@code trigger}, with the checkpoint of the tree that ends with it. */
    Seal sealAt(String subject, int number, SealedEvent trigger) {
        return new Seal(subject, number, trigger.eventId(), trigger.leafIndex(), checkpoint(trigger.leafIndex() + 1));
    }

    SealedBundle seal(String subject, int number, SealedEvent trigger) {
        return SealedBundle.seal(sealAt(subject, number, trigger), eventsUpTo(subject, trigger), tree.tree(), KEY, SIGNER);
    }
}
