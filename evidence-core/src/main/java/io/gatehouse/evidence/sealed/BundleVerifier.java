package io.gatehouse.evidence.sealed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatehouse.evidence.artifacts.Artifact;
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
import io.gatehouse.evidence.log.SignedNote;
import io.gatehouse.evidence.protocols.EvidenceProtocols;
import io.gatehouse.evidence.release.ReleaseArtifacts;
import io.gatehouse.evidence.release.ReleaseAttestation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipException;

/**
 * Verifies a sealed bundle offline, with nothing but its bytes and the log's public key: no broker, database or
 * network. Each property is a named {@link Check}, so a report says exactly what holds and what does not; bad input of
 * any kind (garbage, a damaged or oversized ZIP, malformed JSON) is a failed check, never an exception.
 *
 * <p>The checks build on each other: a check whose inputs did not read (no seal-manifest.json, events that are not
 * events) is left out, after the failed check that says why, so a bundle is intact only when every check ran and passed.
 */
public final class BundleVerifier {

    public static final String ZIP = "the bundle reads as a ZIP";
    public static final String FILES = "every file is listed in seal-manifest.json with its SHA-256 and size";
    public static final String CHECKPOINT_SIGNATURE = "checkpoint.txt is signed by the log's key";
    public static final String CHECKPOINT_TREE = "the checkpoint's tree is the seal's";
    public static final String EVENTS = "the events are the subject's, up to the seal's trigger";
    public static final String INCLUSION = "every event is included in the checkpoint's tree";
    public static final String RE_RENDERED = "every artifact re-renders from the events byte for byte";
    public static final String ATTESTATION = "the release attestation is signed and re-derives from the events";
    /** Fails only when reading the bundle breaks in a way no other check foresaw. */
    public static final String VERIFICATION = "the bundle can be verified";

    private static final Pattern EVENT_FILE = Pattern.compile(Pattern.quote(SealedBundle.EVENTS) + "(\\d{12})\\.json");
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * @param passed whether the property holds
     * @param detail what was found: for a failure, the first file or entry that breaks it and why
     */
    public record Check(String name, boolean passed, String detail) {

        static Check pass(String name, String detail) {
            return new Check(name, true, detail);
        }

        static Check fail(String name, String detail) {
            return new Check(name, false, detail);
        }
    }

    /**
     * @param checks in the order they ran
     * @param keyFromBundle whether the checkpoint was checked against the bundle's own public-key.txt, no key being
     *     given: the bundle is then consistent, but only the key the log publishes shows the log signed it
     */
    public record Verification(List<Check> checks, boolean keyFromBundle) {

        /** Every check ran and passed. */
        public boolean intact() {
            return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
        }

        public Optional<Check> check(String name) {
            return checks.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    private BundleVerifier() {
    }

    /**
     * @param publicKey the log's verifier key, as published; empty to take the one in the bundle's public-key.txt
     */
    public static Verification verify(byte[] zip, Optional<NoteKey> publicKey) {
        List<Check> checks = new ArrayList<>();
        SortedMap<String, byte[]> files;
        try {
            files = EvidenceBundle.unzip(zip);
            checks.add(Check.pass(ZIP, files.size() + " files"));
        } catch (ZipException e) {
            checks.add(Check.fail(ZIP, e.getMessage()));
            return new Verification(checks, publicKey.isEmpty());
        }
        try {
            new Run(files, publicKey, checks).verify();
        } catch (RuntimeException e) {
            // Each check catches what breaks it; this is for input that breaks reading itself, which still is a finding.
            checks.add(Check.fail(VERIFICATION, "verification stopped: " + e));
        }
        return new Verification(checks, publicKey.isEmpty());
    }

    /** One verification: the bundle's files, and what each check read from them for the next. */
    private static final class Run {

        private final SortedMap<String, byte[]> files;
        private final Optional<NoteKey> givenKey;
        private final List<Check> checks;

        Run(SortedMap<String, byte[]> files, Optional<NoteKey> givenKey, List<Check> checks) {
            this.files = files;
            this.givenKey = givenKey;
            this.checks = checks;
        }

        void verify() {
            Optional<SealManifest> manifest = read(SealedBundle.SEAL_MANIFEST, SealManifest.class, FILES);
            if (manifest.isEmpty()) {
                return;
            }
            SealManifest seal = manifest.get();
            run(FILES, () -> files(seal));
            Optional<NoteKey> key = key();
            key.ifPresent(k -> run(CHECKPOINT_SIGNATURE, () -> checkpointSignature(k)));
            Optional<Checkpoint> checkpoint = checkpoint();
            Optional<LedgerProofs> proofs = read(SealedBundle.LEDGER_PROOFS, LedgerProofs.class, CHECKPOINT_TREE);
            if (checkpoint.isPresent() && proofs.isPresent()) {
                run(CHECKPOINT_TREE, () -> checkpointTree(checkpoint.get(), seal, proofs.get()));
                run(INCLUSION, () -> inclusion(checkpoint.get(), proofs.get()));
            }
            Optional<List<SealedEvent>> events = events(seal);
            if (events.isEmpty()) {
                return;
            }
            Optional<EvidenceProtocol> protocol = reRendered(seal, events.get());
            if (protocol.isPresent() && protocol.get().number() == ReleaseArtifacts.PROTOCOL) {
                run(ATTESTATION, () -> attestation(seal, events.get(), key));
            }
        }

        private Check files(SealManifest seal) {
            List<String> problems = new ArrayList<>();
            SortedSet<String> unlisted = new TreeSet<>(files.keySet());
            unlisted.remove(SealedBundle.SEAL_MANIFEST);
            for (SealedBundle.SealedFile listed : seal.files()) {
                byte[] bytes = files.get(listed.name());
                if (SealedBundle.SEAL_MANIFEST.equals(listed.name())) {
                    problems.add("seal-manifest.json lists itself, whose digest it cannot hold");
                } else if (!unlisted.remove(listed.name())) {
                    problems.add(listed.name() + " is listed" + (bytes == null ? " but not in the bundle" : " twice"));
                } else if (bytes.length != listed.sizeBytes()) {
                    problems.add(listed.name() + " has " + bytes.length + " bytes, seal-manifest.json says " + listed.sizeBytes());
                } else if (!HashChain.sha256(bytes).equals(listed.sha256())) {
                    problems.add(listed.name() + " has SHA-256 " + HashChain.sha256(bytes) + ", seal-manifest.json says " + listed.sha256());
                }
            }
            unlisted.forEach(name -> problems.add(name + " is in the bundle but not listed"));
            return problems.isEmpty() ? Check.pass(FILES, seal.files().size() + " files as listed") : Check.fail(FILES, summary(problems));
        }

        /** The key given, else the one in public-key.txt; empty, with a failed check, when there is none to use. */
        private Optional<NoteKey> key() {
            if (givenKey.isPresent()) {
                return givenKey;
            }
            byte[] file = files.get(SealedBundle.PUBLIC_KEY);
            if (file == null) {
                checks.add(Check.fail(CHECKPOINT_SIGNATURE, "no public key was given and the bundle has no " + SealedBundle.PUBLIC_KEY));
                return Optional.empty();
            }
            String firstLine = new String(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            try {
                return Optional.of(NoteKey.parseVerifier(firstLine));
            } catch (IllegalArgumentException e) {
                checks.add(Check.fail(CHECKPOINT_SIGNATURE, SealedBundle.PUBLIC_KEY + " holds no verifier key: " + e.getMessage()));
                return Optional.empty();
            }
        }

        private Check checkpointSignature(NoteKey key) {
            byte[] note = files.get(SealedBundle.CHECKPOINT);
            if (note == null) {
                return Check.fail(CHECKPOINT_SIGNATURE, "the bundle has no " + SealedBundle.CHECKPOINT);
            }
            String source = givenKey.isPresent() ? "the key given"
                    : "the bundle's own " + SealedBundle.PUBLIC_KEY + " (compare it with " + SealedBundle.PUBLIC_KEY_URL + ")";
            return Checkpoint.open(new String(note, StandardCharsets.UTF_8), key).isPresent()
                    ? Check.pass(CHECKPOINT_SIGNATURE, "signed by " + key.verifierKey() + ", " + source)
                    : Check.fail(CHECKPOINT_SIGNATURE, "no valid signature by " + key.verifierKey() + ", " + source);
        }

        /** The checkpoint as checkpoint.txt states it, signed or not: the signature has a check of its own. */
        private Optional<Checkpoint> checkpoint() {
            Optional<Checkpoint> checkpoint = Optional.ofNullable(files.get(SealedBundle.CHECKPOINT))
                    .flatMap(note -> SignedNote.unverifiedText(new String(note, StandardCharsets.UTF_8))).flatMap(Checkpoint::parse);
            if (checkpoint.isEmpty()) {
                checks.add(Check.fail(CHECKPOINT_TREE, SealedBundle.CHECKPOINT + " is missing or holds no checkpoint"));
            }
            return checkpoint;
        }

        private Check checkpointTree(Checkpoint checkpoint, SealManifest seal, LedgerProofs proofs) {
            List<String> problems = new ArrayList<>();
            if (seal.treeSize() != seal.triggerLeafIndex() + 1) {
                problems.add("seal-manifest.json's tree size " + seal.treeSize() + " is not its trigger's leaf " + seal.triggerLeafIndex() + " + 1");
            }
            if (checkpoint.size() != seal.treeSize() || checkpoint.size() != proofs.treeSize()) {
                problems.add("the checkpoint's tree size " + checkpoint.size() + " differs from seal-manifest.json's " + seal.treeSize()
                        + " or ledger-proofs.json's " + proofs.treeSize());
            }
            if (!checkpoint.rootHex().equals(seal.rootHash()) || !checkpoint.rootHex().equals(proofs.rootHash())) {
                problems.add("the checkpoint's root " + checkpoint.rootHex() + " differs from seal-manifest.json's " + seal.rootHash()
                        + " or ledger-proofs.json's " + proofs.rootHash());
            }
            return problems.isEmpty() ? Check.pass(CHECKPOINT_TREE, "tree size " + checkpoint.size() + ", root " + checkpoint.rootHex())
                    : Check.fail(CHECKPOINT_TREE, summary(problems));
        }

        private Check inclusion(Checkpoint checkpoint, LedgerProofs proofs) {
            List<String> problems = new ArrayList<>();
            Map<Long, LedgerProofs.Entry> byLeaf = new TreeMap<>();
            proofs.entries().forEach(e -> byLeaf.put(e.leafIndex(), e));
            SortedMap<Long, byte[]> events = eventFiles();
            for (Map.Entry<Long, byte[]> event : events.entrySet()) {
                String name = SealedBundle.eventFile(event.getKey());
                LedgerProofs.Entry entry = byLeaf.remove(event.getKey());
                byte[] leaf = MerkleHashes.leaf(event.getValue());
                if (entry == null) {
                    problems.add(name + " has no entry in ledger-proofs.json");
                } else if (!HEX.formatHex(leaf).equals(entry.leafHash())) {
                    problems.add(name + " hashes to leaf " + HEX.formatHex(leaf) + ", ledger-proofs.json says " + entry.leafHash());
                } else if (!MerkleTree.verifyInclusion(entry.leafIndex(), checkpoint.size(), leaf,
                        entry.hashes().stream().map(HEX::parseHex).toList(), checkpoint.rootHash())) {
                    problems.add("the inclusion proof of " + name + " (event " + entry.eventId() + ") does not lead to the checkpoint's root");
                } else if (!idOf(event.getValue()).map(entry.eventId()::equals).orElse(true)) {
                    problems.add("ledger-proofs.json names leaf " + entry.leafIndex() + " event " + entry.eventId() + ", but " + name
                            + " is event " + idOf(event.getValue()).orElseThrow());
                }
            }
            byLeaf.values().forEach(e -> problems.add("ledger-proofs.json proves leaf " + e.leafIndex() + " (event " + e.eventId()
                    + "), which has no file in " + SealedBundle.EVENTS));
            if (events.isEmpty()) {
                problems.add("the bundle has no event in " + SealedBundle.EVENTS);
            }
            return problems.isEmpty() ? Check.pass(INCLUSION, events.size() + " events in the tree of " + checkpoint.size() + " leaves")
                    : Check.fail(INCLUSION, summary(problems));
        }

        /** The event id its bytes carry; empty for bytes that are no canonical event, which the events check reports. */
        private static Optional<String> idOf(byte[] canonical) {
            try {
                return Optional.of(CanonicalEvent.attributes(canonical).id());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        /** The events as their bytes describe them, in leaf order; empty, with a failed check, when they are not the seal's. */
        private Optional<List<SealedEvent>> events(SealManifest seal) {
            List<SealedEvent> events = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Map.Entry<Long, byte[]> file : eventFiles().entrySet()) {
                String name = SealedBundle.eventFile(file.getKey());
                try {
                    String subject = CanonicalEvent.attributes(file.getValue()).subject();
                    if (!subject.equals(seal.subject())) {
                        problems.add(name + " is about " + subject + ", not " + seal.subject());
                    }
                    events.add(SealedEvent.of(file.getKey(), file.getValue()));
                } catch (IllegalArgumentException e) {
                    problems.add(name + " is not a canonical event: " + e.getMessage());
                }
            }
            if (problems.isEmpty()) {
                Optional<SealedEvent> last = events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
                if (last.isEmpty() || !last.get().eventId().equals(seal.triggerEventId()) || last.get().leafIndex() != seal.triggerLeafIndex()) {
                    problems.add("the last event is " + last.map(e -> e.eventId() + " at leaf " + e.leafIndex()).orElse("missing")
                            + ", not the trigger " + seal.triggerEventId() + " at leaf " + seal.triggerLeafIndex());
                }
            }
            checks.add(problems.isEmpty() ? Check.pass(EVENTS, events.size() + " events of " + seal.subject() + ", the last the trigger "
                    + seal.triggerEventId()) : Check.fail(EVENTS, summary(problems)));
            return problems.isEmpty() ? Optional.of(events) : Optional.empty();
        }

        /** Renders the evidence again and compares; the protocol the events call for, when they call for one. */
        private Optional<EvidenceProtocol> reRendered(SealManifest seal, List<SealedEvent> events) {
            List<LedgerEvent> ledgerEvents;
            try {
                ledgerEvents = events.stream().map(SealedEvent::ledgerEvent).toList();
            } catch (RuntimeException e) {
                checks.add(Check.fail(RE_RENDERED, "the events do not decode: " + e.getMessage()));
                return Optional.empty();
            }
            Optional<EvidenceProtocol> protocol = EvidenceProtocols.covering(ledgerEvents.stream().map(LedgerEvent::type).collect(Collectors.toSet()));
            run(RE_RENDERED, () -> {
                if (protocol.isEmpty()) {
                    return Check.fail(RE_RENDERED, "the events are neither an incident's nor a release's");
                }
                if (protocol.get().number() != seal.protocol()) {
                    return Check.fail(RE_RENDERED, "the events are protocol " + protocol.get().number() + "'s, seal-manifest.json says "
                            + seal.protocol());
                }
                LedgerEvent trigger = ledgerEvents.get(ledgerEvents.size() - 1);
                if (!protocol.get().isFinal(trigger.event())) {
                    return Check.fail(RE_RENDERED, "the trigger " + trigger.eventId() + " is not a point protocol " + seal.protocol() + " calls final");
                }
                return compare(EvidenceRenderer.render(protocol.get(), seal.subject(), ledgerEvents), events);
            });
            return protocol;
        }

        private Check compare(Evidence evidence, List<SealedEvent> events) {
            List<Artifact> rendered = new ArrayList<>(evidence.artifacts());
            rendered.add(evidence.manifest());
            SortedSet<String> expected = new TreeSet<>(List.of(SealedBundle.CHECKPOINT, SealedBundle.LEDGER_PROOFS, SealedBundle.PUBLIC_KEY,
                    SealedBundle.SEAL_MANIFEST));
            if (evidence.protocol() == ReleaseArtifacts.PROTOCOL) {
                expected.add(SealedBundle.RELEASE_ATTESTATION);
            }
            events.forEach(e -> expected.add(SealedBundle.eventFile(e.leafIndex())));
            for (Artifact artifact : rendered.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
                expected.add(artifact.name());
                byte[] bundled = files.get(artifact.name());
                if (bundled == null) {
                    return Check.fail(RE_RENDERED, artifact.name() + " is rendered from the events but missing from the bundle");
                }
                if (!Arrays.equals(bundled, artifact.bytes())) {
                    return Check.fail(RE_RENDERED, artifact.name() + " differs from its rendering from the events, first at byte "
                            + Arrays.mismatch(bundled, artifact.bytes()));
                }
            }
            Optional<String> foreign = files.keySet().stream().filter(name -> !expected.contains(name)).findFirst();
            return foreign.map(name -> Check.fail(RE_RENDERED, name + " is not a file that sealing makes"))
                    .orElse(Check.pass(RE_RENDERED, rendered.size() + " files of protocol " + evidence.protocol() + ", identical"));
        }

        private Check attestation(SealManifest seal, List<SealedEvent> events, Optional<NoteKey> key) {
            byte[] envelope = files.get(SealedBundle.RELEASE_ATTESTATION);
            if (envelope == null) {
                return Check.fail(ATTESTATION, "a release's bundle has a " + SealedBundle.RELEASE_ATTESTATION + " and this one has none");
            }
            if (key.isEmpty()) {
                return Check.fail(ATTESTATION, "there is no key to check its signature with");
            }
            Optional<byte[]> payload = Dsse.open(envelope, key.get());
            if (payload.isEmpty()) {
                return Check.fail(ATTESTATION, "its envelope carries no valid signature by " + key.get().verifierKey());
            }
            if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(payloadType(envelope))) {
                return Check.fail(ATTESTATION, "its payload type is not " + Dsse.IN_TOTO_PAYLOAD_TYPE);
            }
            byte[] statement = ReleaseAttestation.statement(new SubjectHistory(seal.subject(), seal.protocol(),
                    events.stream().map(SealedEvent::ledgerEvent).toList())).orElse(new byte[0]);
            return Arrays.equals(payload.get(), statement)
                    ? Check.pass(ATTESTATION, "signed by " + key.get().verifierKey() + "; its statement re-derives from the events")
                    : Check.fail(ATTESTATION, "its signed statement differs from the one the events give, first at byte "
                            + Arrays.mismatch(payload.get(), statement));
        }

        /** The events/ files by leaf index; a file under events/ with another name is not one. */
        private SortedMap<Long, byte[]> eventFiles() {
            SortedMap<Long, byte[]> events = new TreeMap<>();
            files.forEach((name, bytes) -> {
                Matcher matcher = EVENT_FILE.matcher(name);
                if (matcher.matches()) {
                    events.put(Long.parseLong(matcher.group(1)), bytes);
                }
            });
            return events;
        }

        /** A JSON file of the bundle as its record; empty, with {@code check} failed, when it is missing or malformed. */
        private <T> Optional<T> read(String name, Class<T> type, String check) {
            byte[] bytes = files.get(name);
            if (bytes == null) {
                checks.add(Check.fail(check, "the bundle has no " + name));
                return Optional.empty();
            }
            try {
                return Optional.of(JSON.readValue(bytes, type));
            } catch (IOException e) {
                checks.add(Check.fail(check, name + " does not read: "
                        + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage())));
                return Optional.empty();
            }
        }

        /** Runs a check; one that breaks on input it did not foresee fails with the reason rather than end the verification. */
        private void run(String name, Supplier<Check> check) {
            try {
                checks.add(check.get());
            } catch (RuntimeException e) {
                checks.add(Check.fail(name, "could not be checked: " + e));
            }
        }

        private static String payloadType(byte[] envelope) {
            try {
                JsonNode type = JSON.readTree(envelope).path("payloadType");
                return type.isTextual() ? type.asText() : null;
            } catch (IOException e) {
                return null;
            }
        }

        private static String summary(List<String> problems) {
            return problems.size() == 1 ? problems.get(0) : problems.get(0) + " (and " + (problems.size() - 1) + " more)";
        }
    }
}
