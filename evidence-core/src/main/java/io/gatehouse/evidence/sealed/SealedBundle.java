package io.gatehouse.evidence.sealed;

import io.gatehouse.events.EvidenceBundleBuilt;
import io.gatehouse.events.EvidenceManifestSealed;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.evidence.artifacts.Artifact;
import io.gatehouse.evidence.artifacts.DeterministicJson;
import io.gatehouse.evidence.artifacts.Evidence;
import io.gatehouse.evidence.artifacts.EvidenceBundle;
import io.gatehouse.evidence.artifacts.EvidenceProtocol;
import io.gatehouse.evidence.artifacts.EvidenceRenderer;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import io.gatehouse.evidence.log.CanonicalEvent;
import io.gatehouse.evidence.log.Checkpoint;
import io.gatehouse.evidence.log.Dsse;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.evidence.log.MerkleHashes;
import io.gatehouse.evidence.log.MerkleTree;
import io.gatehouse.evidence.log.NoteKey;
import io.gatehouse.evidence.protocols.EvidenceProtocols;
import io.gatehouse.evidence.release.ReleaseArtifacts;
import io.gatehouse.evidence.release.ReleaseAttestation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A subject's evidence sealed at one of its final points: the protocol's bundle plus everything an auditor needs to
 * check it offline with nothing but the log's public key: the signed checkpoint, each event's exact bytes, their
 * inclusion proofs, for a release decision the signed attestation, and seal-manifest.json with every file's digest.
 * Sealing is a pure function of its inputs: the same events, tree, checkpoint and signature give the same bytes.
 *
 * @param protocol 14 or 17
 * @param seal the subject's seal number
 * @param rootHash the tree's root at treeSize, lowercase hex
 * @param sealedAt the trigger event's time: a seal carries no wall-clock time
 * @param bundleName the protocol's bundle name, e.g. INCIDENT-EVIDENCE-BUNDLE.zip
 * @param files every file of the ZIP but seal-manifest.json, which lists them, sorted by name
 * @param attestationSignature the base64 signature in release-attestation.intoto.json; null unless protocol 14
 */
public record SealedBundle(String subject, int protocol, int seal, String triggerEventId, long triggerLeafIndex, long treeSize,
                           String rootHash, String checkpointNote, Instant sealedAt, String bundleName, byte[] zip, List<SealedFile> files,
                           String attestationSignature) {

    public static final String CHECKPOINT = "checkpoint.txt";
    public static final String EVENTS = "events/";
    public static final String LEDGER_PROOFS = "ledger-proofs.json";
    public static final String RELEASE_ATTESTATION = "release-attestation.intoto.json";
    public static final String PUBLIC_KEY = "public-key.txt";
    public static final String SEAL_MANIFEST = "seal-manifest.json";
    /** Where the log publishes its verifier key, the one to trust rather than a bundle's own public-key.txt. */
    public static final String PUBLIC_KEY_URL = "GET /v1/evidence/ledger/public-key";

    private static final HexFormat HEX = HexFormat.of();

    /** One file of the bundle and its digest. */
    public record SealedFile(String name, String sha256, long sizeBytes) {

        static SealedFile of(String name, byte[] bytes) {
            return new SealedFile(name, HashChain.sha256(bytes), bytes.length);
        }
    }

    /**
     * Seals the subject's evidence at {@code seal}'s trigger.
     *
     * @param events the subject's events with leafIndex <= seal.triggerLeafIndex(), in leaf order, the last one the trigger
     * @param tree the ledger's tree, holding at least seal.treeSize() leaves
     * @param logKey the log's key (its public half is enough): the checkpoint must be signed by it
     * @param signer signs a release decision's attestation; not called for an incident
     * @throws IllegalArgumentException with the reason, when the checkpoint is not signed by {@code logKey} or is not the
     *     tree's at the trigger, or the events are not the subject's up to a final point as the tree holds them
     */
    public static SealedBundle seal(Seal seal, List<SealedEvent> events, MerkleTree tree, NoteKey logKey, AttestationSigner signer) {
        requireEventsUpToTrigger(seal, events);
        Checkpoint checkpoint = Checkpoint.open(seal.checkpointNote(), logKey).orElseThrow(() -> new IllegalArgumentException(
                "the checkpoint note is not a checkpoint signed by the log's key " + logKey.verifierKey()));
        if (checkpoint.size() != seal.treeSize()) {
            throw new IllegalArgumentException("the checkpoint is for a tree of " + checkpoint.size() + " leaves, but the seal's trigger "
                    + seal.triggerEventId() + " is leaf " + seal.triggerLeafIndex() + ", so its tree has " + seal.treeSize());
        }
        byte[] root = tree.root(seal.treeSize());
        if (!Arrays.equals(checkpoint.rootHash(), root)) {
            throw new IllegalArgumentException("the checkpoint's root " + checkpoint.rootHex() + " is not the tree's root " + HEX.formatHex(root)
                    + " at size " + seal.treeSize());
        }
        List<LedgerProofs.Entry> proofs = events.stream().map(e -> proof(e, tree, seal.treeSize(), root)).toList();

        List<LedgerEvent> ledgerEvents = events.stream().map(SealedEvent::ledgerEvent).toList();
        EvidenceProtocol protocol = EvidenceProtocols.covering(ledgerEvents.stream().map(LedgerEvent::type).collect(Collectors.toSet()))
                .orElseThrow(() -> new IllegalArgumentException("subject " + seal.subject() + " is neither an incident nor a release"));
        LedgerEvent trigger = ledgerEvents.get(ledgerEvents.size() - 1);
        if (!protocol.isFinal(trigger.event())) {
            throw new IllegalArgumentException("the trigger " + trigger.eventId() + " (" + trigger.type() + ") is not a point protocol "
                    + protocol.number() + " calls final");
        }
        Evidence evidence = EvidenceRenderer.render(protocol, seal.subject(), ledgerEvents);

        SortedMap<String, byte[]> files = new TreeMap<>();
        evidence.artifacts().forEach(a -> files.put(a.name(), a.bytes()));
        Artifact manifest = evidence.manifest();
        files.put(manifest.name(), manifest.bytes());
        files.put(CHECKPOINT, seal.checkpointNote().getBytes(StandardCharsets.UTF_8));
        events.forEach(e -> files.put(eventFile(e.leafIndex()), e.canonical()));
        files.put(LEDGER_PROOFS, DeterministicJson.write(new LedgerProofs(seal.treeSize(), checkpoint.rootHex(), proofs)));
        files.put(PUBLIC_KEY, publicKeyFile(logKey));
        String signature = null;
        if (protocol.number() == ReleaseArtifacts.PROTOCOL) {
            byte[] statement = ReleaseAttestation.statement(new SubjectHistory(seal.subject(), protocol.number(), ledgerEvents))
                    .orElseThrow(() -> new IllegalStateException("a release's final point is a decision, so its history holds one"));
            signature = signer.signature(Dsse.IN_TOTO_PAYLOAD_TYPE, statement);
            byte[] envelope = Dsse.envelope(Dsse.IN_TOTO_PAYLOAD_TYPE, statement, logKey, signature);
            if (Dsse.open(envelope, logKey).isEmpty()) {
                throw new IllegalArgumentException("the attestation's signature does not verify with the log's key " + logKey.verifierKey());
            }
            files.put(RELEASE_ATTESTATION, envelope);
        }
        List<SealedFile> listed = files.entrySet().stream().map(f -> SealedFile.of(f.getKey(), f.getValue())).toList();
        files.put(SEAL_MANIFEST, DeterministicJson.write(new SealManifest(seal.subject(), protocol.number(), seal.number(),
                seal.triggerEventId(), seal.triggerLeafIndex(), seal.treeSize(), checkpoint.rootHex(), listed)));
        return new SealedBundle(seal.subject(), protocol.number(), seal.number(), seal.triggerEventId(), seal.triggerLeafIndex(),
                seal.treeSize(), checkpoint.rootHex(), seal.checkpointNote(), trigger.time(), protocol.bundleName(), EvidenceBundle.zip(files),
                listed, signature);
    }

    /** The name of an event's file: its leaf index, 12 digits, so the names sort in leaf order. */
    public static String eventFile(long leafIndex) {
        return String.format(Locale.ROOT, "%s%012d.json", EVENTS, leafIndex);
    }

    /** SHA-256 of the ZIP, lowercase hex: its address in the store. */
    public String sha256() {
        return HashChain.sha256(zip);
    }

    public EvidenceManifestSealed manifestSealedEvent() {
        return EvidenceManifestSealed.newBuilder().setSubject(subject).setProtocol(protocol).setSeal(seal).setTriggerEventId(triggerEventId)
                .setTriggerLeafIndex(triggerLeafIndex).setTreeSize(treeSize).setRootHash(rootHash).setCheckpoint(checkpointNote)
                .setAttestationSignature(attestationSignature)
                .setFiles(files.stream().map(f -> io.gatehouse.events.SealedFile.newBuilder().setName(f.name()).setSha256(f.sha256())
                        .setSizeBytes(f.sizeBytes()).build()).toList())
                .setSealedAt(sealedAt).build();
    }

    public EvidenceBundleBuilt bundleBuiltEvent() {
        return EvidenceBundleBuilt.newBuilder().setSubject(subject).setProtocol(protocol).setSeal(seal).setBundleName(bundleName)
                .setSha256(sha256()).setSizeBytes(zip.length).setTreeSize(treeSize).build();
    }

    /** The key that verifies the checkpoint, and where to get the one to trust. */
    static byte[] publicKeyFile(NoteKey logKey) {
        return (logKey.verifierKey() + "\n"
                + "# The log's verifier key (C2SP signed-note format). The log publishes it at " + PUBLIC_KEY_URL + ":\n"
                + "# a bundle checked only against the key it carries proves itself consistent, not that the log signed it.\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void requireEventsUpToTrigger(Seal seal, List<SealedEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a seal covers at least its trigger, and no event of " + seal.subject() + " was given");
        }
        SealedEvent last = events.get(events.size() - 1);
        if (!last.eventId().equals(seal.triggerEventId()) || last.leafIndex() != seal.triggerLeafIndex()) {
            throw new IllegalArgumentException("the events end with " + last.eventId() + " at leaf " + last.leafIndex() + ", not with the trigger "
                    + seal.triggerEventId() + " at leaf " + seal.triggerLeafIndex());
        }
        for (int i = 0; i < events.size(); i++) {
            SealedEvent event = events.get(i);
            if (i > 0 && event.leafIndex() <= events.get(i - 1).leafIndex()) {
                throw new IllegalArgumentException("the events are not in leaf order: leaf " + event.leafIndex() + " follows leaf "
                        + events.get(i - 1).leafIndex());
            }
            // A verifier knows an event only by its bytes: what the renderers read must be what the bytes say.
            CloudEvent hashed = CanonicalEvent.attributes(event.canonical());
            if (!hashed.id().equals(event.eventId()) || !hashed.type().equals(event.type()) || !hashed.time().equals(event.time())) {
                throw new IllegalArgumentException("event " + event.eventId() + " at leaf " + event.leafIndex()
                        + " differs from its canonical bytes, which say " + hashed.id() + " " + hashed.type() + " at " + hashed.time());
            }
            if (!hashed.subject().equals(seal.subject())) {
                throw new IllegalArgumentException("event " + event.eventId() + " is about " + hashed.subject() + ", not " + seal.subject());
            }
        }
    }

    /** The event's inclusion proof, once the tree is seen to hold exactly its bytes at its leaf. */
    private static LedgerProofs.Entry proof(SealedEvent event, MerkleTree tree, long treeSize, byte[] root) {
        byte[] leaf = MerkleHashes.leaf(event.canonical());
        List<byte[]> path = tree.inclusionProof(event.leafIndex(), treeSize);
        if (!MerkleTree.verifyInclusion(event.leafIndex(), treeSize, leaf, path, root)) {
            throw new IllegalArgumentException("event " + event.eventId() + " is not leaf " + event.leafIndex() + " of the tree: its bytes hash to "
                    + HEX.formatHex(leaf) + ", which the tree does not hold there");
        }
        return new LedgerProofs.Entry(event.eventId(), event.leafIndex(), HEX.formatHex(leaf), path.stream().map(HEX::formatHex).toList());
    }
}
