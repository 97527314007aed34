package io.gatehouse.evidence.sealed;

import static io.gatehouse.evidence.Elsewhere.golden;
import static io.gatehouse.evidence.Elsewhere.inAnotherTimeZoneAndLocale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.events.EvidenceBundleBuilt;
import io.gatehouse.events.EvidenceManifestSealed;
import io.gatehouse.evidence.artifacts.Artifact;
import io.gatehouse.evidence.artifacts.Evidence;
import io.gatehouse.evidence.artifacts.EvidenceRenderer;
import io.gatehouse.evidence.incident.IncidentArtifacts;
import io.gatehouse.evidence.log.Checkpoint;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.evidence.log.MerkleHashes;
import io.gatehouse.evidence.log.NoteKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * An incident sealed at gate 4: the bundle's layout, its seal events, the same bytes every time and everywhere (pinned),
 * and the inputs sealing refuses.
 */
class SealedBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final IncidentStory story = IncidentStory.recorded();

    @Test
    void anIncidentSealedAtItsFinalPointVerifiesIntactWithThePublishedKey() {
        SealedBundle sealed = story.seal();

        BundleVerifier.Verification verification = BundleVerifier.verify(sealed.zip(), Optional.of(TestLog.KEY.verifierOnly()));

        assertThat(verification.checks()).allSatisfy(check -> assertThat(check.passed()).as(check.name() + ": " + check.detail()).isTrue());
        assertThat(verification.checks()).extracting(BundleVerifier.Check::name).containsExactly(BundleVerifier.ZIP, BundleVerifier.FILES,
                BundleVerifier.CHECKPOINT_SIGNATURE, BundleVerifier.CHECKPOINT_TREE, BundleVerifier.INCLUSION, BundleVerifier.EVENTS,
                BundleVerifier.RE_RENDERED);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.keyFromBundle()).isFalse();
    }

    @Test
    void withoutAKeyTheBundleIsCheckedAgainstItsOwnAndTheReportSaysSo() {
        BundleVerifier.Verification verification = BundleVerifier.verify(story.seal().zip(), Optional.empty());

        assertThat(verification.intact()).isTrue();
        assertThat(verification.keyFromBundle()).isTrue();
        assertThat(verification.check(BundleVerifier.CHECKPOINT_SIGNATURE).orElseThrow().detail())
                .contains("public-key.txt").contains("GET /v1/evidence/ledger/public-key");
    }

    @Test
    void theBundleHoldsTheRenderedEvidenceTheCheckpointTheEventsAndTheirProofs() throws IOException {
        SealedBundle sealed = story.seal();
        List<SealedEvent> events = story.log.eventsUpTo(IncidentStory.INCIDENT, story.gate4Passed);
        Evidence rendered = EvidenceRenderer.render(new IncidentArtifacts(), IncidentStory.INCIDENT,
                events.stream().map(SealedEvent::ledgerEvent).toList());

        SortedMap<String, byte[]> files = Bundles.files(sealed.zip());

        List<Artifact> evidence = new ArrayList<>(rendered.artifacts());
        evidence.add(rendered.manifest());
        evidence.forEach(a -> assertThat(files.get(a.name())).as(a.name()).isEqualTo(a.bytes()));
        assertThat(new String(files.get("checkpoint.txt"), StandardCharsets.UTF_8)).isEqualTo(story.log.checkpoint(story.gate4Passed.leafIndex() + 1));
        assertThat(files.keySet()).filteredOn(name -> name.startsWith("events/"))
                .containsExactlyElementsOf(events.stream().map(e -> SealedBundle.eventFile(e.leafIndex())).toList());
        events.forEach(e -> assertThat(files.get(SealedBundle.eventFile(e.leafIndex()))).isEqualTo(e.canonical()));
        assertThat(files).doesNotContainKey(SealedBundle.eventFile(story.laterFeedback.leafIndex())).doesNotContainKey("release-attestation.intoto.json");
        assertThat(new String(files.get("public-key.txt"), StandardCharsets.UTF_8).lines().findFirst()).contains(TestLog.KEY.verifierKey());

        JsonNode proofs = JSON.readTree(files.get("ledger-proofs.json"));
        assertThat(proofs.get("treeSize").asLong()).isEqualTo(story.gate4Passed.leafIndex() + 1);
        assertThat(proofs.get("rootHash").asText()).isEqualTo(sealed.rootHash());
        assertThat(proofs.get("entries")).hasSize(events.size());
        JsonNode trigger = proofs.get("entries").get(events.size() - 1);
        assertThat(trigger.get("eventId").asText()).isEqualTo(story.gate4Passed.eventId());
        assertThat(trigger.get("leafIndex").asLong()).isEqualTo(story.gate4Passed.leafIndex());
        assertThat(trigger.get("leafHash").asText()).isEqualTo(MerkleHashes.leafHex(story.gate4Passed.canonical()));
        assertThat(trigger.get("hashes")).isNotEmpty().allSatisfy(h -> assertThat(h.asText()).matches("[0-9a-f]{64}"));
    }

    @Test
    void theSealManifestListsEveryOtherFileWithItsDigestAsTheRecordAndItsEventDo() throws IOException {
        SealedBundle sealed = story.seal();
        SortedMap<String, byte[]> files = Bundles.files(sealed.zip());

        JsonNode manifest = JSON.readTree(files.get("seal-manifest.json"));

        assertThat(manifest.get("subject").asText()).isEqualTo(IncidentStory.INCIDENT);
        assertThat(manifest.get("protocol").asInt()).isEqualTo(17);
        assertThat(manifest.get("seal").asInt()).isEqualTo(1);
        assertThat(manifest.get("triggerEventId").asText()).isEqualTo(story.gate4Passed.eventId());
        assertThat(manifest.get("triggerLeafIndex").asLong()).isEqualTo(story.gate4Passed.leafIndex());
        assertThat(manifest.get("treeSize").asLong()).isEqualTo(story.gate4Passed.leafIndex() + 1);
        assertThat(manifest.get("rootHash").asText()).isEqualTo(Checkpoint.open(sealed.checkpointNote(), TestLog.KEY).orElseThrow().rootHex());
        TreeSet<String> others = new TreeSet<>(files.keySet());
        others.remove("seal-manifest.json");
        assertThat(manifest.get("files")).extracting(f -> f.get("name").asText()).containsExactlyElementsOf(others);
        manifest.get("files").forEach(f -> {
            byte[] bytes = files.get(f.get("name").asText());
            assertThat(f.get("sha256").asText()).isEqualTo(HashChain.sha256(bytes));
            assertThat(f.get("sizeBytes").asLong()).isEqualTo(bytes.length);
        });
        assertThat(sealed.files()).extracting(SealedBundle.SealedFile::name).containsExactlyElementsOf(others);
        assertThat(sealed.files()).allSatisfy(f -> assertThat(f.sha256()).isEqualTo(HashChain.sha256(files.get(f.name()))));
    }

    @Test
    void theSealEventsCarryTheDigestsTheTreeAndTheTriggersTime() {
        SealedBundle sealed = story.seal();

        EvidenceManifestSealed manifest = sealed.manifestSealedEvent();
        EvidenceBundleBuilt built = sealed.bundleBuiltEvent();

        assertThat(manifest.getSubject()).isEqualTo(IncidentStory.INCIDENT);
        assertThat(manifest.getProtocol()).isEqualTo(17);
        assertThat(manifest.getSeal()).isEqualTo(1);
        assertThat(manifest.getTriggerEventId()).isEqualTo(story.gate4Passed.eventId());
        assertThat(manifest.getTriggerLeafIndex()).isEqualTo(story.gate4Passed.leafIndex());
        assertThat(manifest.getTreeSize()).isEqualTo(story.gate4Passed.leafIndex() + 1);
        assertThat(manifest.getRootHash()).isEqualTo(sealed.rootHash());
        assertThat(manifest.getCheckpoint()).isEqualTo(sealed.checkpointNote());
        assertThat(manifest.getAttestationSignature()).isNull();
        assertThat(manifest.getSealedAt()).isEqualTo(story.gate4Passed.time());
        assertThat(manifest.getFiles()).extracting(f -> f.getName() + " " + f.getSha256() + " " + f.getSizeBytes())
                .containsExactlyElementsOf(sealed.files().stream().map(f -> f.name() + " " + f.sha256() + " " + f.sizeBytes()).toList());
        assertThat(built.getBundleName()).isEqualTo("INCIDENT-EVIDENCE-BUNDLE.zip");
        assertThat(built.getSha256()).isEqualTo(HashChain.sha256(sealed.zip())).isEqualTo(sealed.sha256());
        assertThat(built.getSizeBytes()).isEqualTo(sealed.zip().length);
        assertThat(built.getTreeSize()).isEqualTo(manifest.getTreeSize());
        assertThat(built.getSeal()).isEqualTo(1);
    }

    @Test
    void theSealedBytesArePinnedAndTheSameInAnotherTimeZoneAndLocale() {
        String pinned = golden(getClass(), "INCIDENT-EVIDENCE-BUNDLE.sealed.sha256").strip();

        assertThat(story.seal().sha256()).as("a changed renderer changes the pinned digest: update the golden file on purpose").isEqualTo(pinned);
        assertThat(IncidentStory.recorded().seal().sha256()).as("sealed again from a log recorded again").isEqualTo(pinned);
        assertThat(inAnotherTimeZoneAndLocale(() -> IncidentStory.recorded().seal().sha256())).isEqualTo(pinned);
    }

    @Test
    void theProofsArePinned() {
        assertThat(Bundles.text(story.seal().zip(), "ledger-proofs.json")).isEqualTo(golden(getClass(), "incident.ledger-proofs.json"));
    }

    @Test
    void aCheckpointTheLogsKeyDidNotSignIsRefused() {
        Seal seal = story.log.sealAt(IncidentStory.INCIDENT, 1, story.gate4Passed);
        Checkpoint checkpoint = Checkpoint.open(seal.checkpointNote(), TestLog.KEY).orElseThrow();
        Seal forged = new Seal(seal.subject(), 1, seal.triggerEventId(), seal.triggerLeafIndex(), checkpoint.sign(TestLog.FORGER));

        assertThatThrownBy(() -> seal(forged)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a checkpoint signed by the log's key");
    }

    @Test
    void aCheckpointOfAnotherSizeOrRootIsRefused() {
        Seal seal = story.log.sealAt(IncidentStory.INCIDENT, 1, story.gate4Passed);
        Seal larger = new Seal(seal.subject(), 1, seal.triggerEventId(), seal.triggerLeafIndex(), story.log.checkpoint(seal.treeSize() + 1));
        byte[] otherRoot = story.log.tree().tree().root(seal.treeSize() - 1);
        Seal otherTree = new Seal(seal.subject(), 1, seal.triggerEventId(), seal.triggerLeafIndex(),
                new Checkpoint(TestLog.ORIGIN, seal.treeSize(), otherRoot).sign(TestLog.KEY));

        assertThatThrownBy(() -> seal(larger)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("for a tree of " + (seal.treeSize() + 1) + " leaves");
        assertThatThrownBy(() -> seal(otherTree)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not the tree's root");
    }

    @Test
    void eventsThatDoNotEndWithTheTriggerOrAreNotTheTreesAreRefused() {
        Seal seal = story.log.sealAt(IncidentStory.INCIDENT, 1, story.gate4Passed);
        List<SealedEvent> events = story.log.eventsUpTo(IncidentStory.INCIDENT, story.gate4Passed);
        List<SealedEvent> withoutTrigger = events.subList(0, events.size() - 1);
        List<SealedEvent> altered = new ArrayList<>(events);
        SealedEvent first = events.get(0);
        altered.set(0, SealedEvent.of(first.leafIndex(), new String(first.canonical(), StandardCharsets.UTF_8)
                .replace("incident-service", "incident-servicf").getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> SealedBundle.seal(seal, withoutTrigger, story.log.tree().tree(), TestLog.KEY, TestLog.SIGNER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not with the trigger " + story.gate4Passed.eventId());
        assertThatThrownBy(() -> SealedBundle.seal(seal, altered, story.log.tree().tree(), TestLog.KEY, TestLog.SIGNER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not leaf " + first.leafIndex() + " of the tree");
    }

    @Test
    void aPointTheProtocolDoesNotCallFinalIsNoSeal() {
        List<SealedEvent> events = story.log.eventsUpTo(IncidentStory.INCIDENT, story.gate4Passed);
        SealedEvent resolved = events.get(events.size() - 2);
        Seal early = story.log.sealAt(IncidentStory.INCIDENT, 1, resolved);

        assertThatThrownBy(() -> SealedBundle.seal(early, events.subList(0, events.size() - 1), story.log.tree().tree(), TestLog.KEY, TestLog.SIGNER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a point protocol 17 calls final");
    }

    @Test
    void aReplayHoldingOnlyThePublicKeySealsTheSameBytes() {
        Seal seal = story.log.sealAt(IncidentStory.INCIDENT, 1, story.gate4Passed);
        NoteKey published = NoteKey.parseVerifier(TestLog.KEY.verifierKey());

        SealedBundle replayed = SealedBundle.seal(seal, story.log.eventsUpTo(IncidentStory.INCIDENT, story.gate4Passed), story.log.tree().tree(),
                published, (type, payload) -> {
                    throw new AssertionError("an incident has no attestation to sign");
                });

        assertThat(replayed.zip()).isEqualTo(story.seal().zip());
    }

    private SealedBundle seal(Seal seal) {
        return SealedBundle.seal(seal, story.log.eventsUpTo(IncidentStory.INCIDENT, story.gate4Passed), story.log.tree().tree(), TestLog.KEY,
                TestLog.SIGNER);
    }
}
