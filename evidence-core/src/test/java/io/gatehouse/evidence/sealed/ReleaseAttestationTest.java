package io.gatehouse.evidence.sealed;

import static io.gatehouse.evidence.Elsewhere.golden;
import static io.gatehouse.evidence.Elsewhere.inAnotherTimeZoneAndLocale;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.evidence.log.Dsse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A release sealed at its NO_GO and again at its GO: each seal carries an in-toto attestation signed in a DSSE
 * envelope, PASSED only for GO, listing every gate outcome, waiver and failed reason; both bundles verify, and an
 * envelope that does not re-derive from the events is caught.
 */
class ReleaseAttestationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ReleaseStory story = ReleaseStory.recorded();

    @Test
    void bothSealsOfTheReleaseVerifyIntactWithTheirAttestation() {
        for (SealedBundle sealed : List.of(story.sealNoGo(), story.sealGo())) {
            BundleVerifier.Verification verification = BundleVerifier.verify(sealed.zip(), Optional.of(TestLog.KEY.verifierOnly()));

            assertThat(verification.checks()).allSatisfy(c -> assertThat(c.passed()).as(c.name() + ": " + c.detail()).isTrue());
            assertThat(verification.check(BundleVerifier.ATTESTATION)).isPresent();
            assertThat(verification.intact()).isTrue();
            assertThat(sealed.bundleName()).isEqualTo("PRE-DEPLOYMENT-PACKAGE.zip");
            assertThat(sealed.protocol()).isEqualTo(14);
        }
    }

    @Test
    void aNoGoIsAttestedFailedWithItsReasonsAndTheWaiverGrantedSoFar() throws IOException {
        SealedBundle sealed = story.sealNoGo();

        JsonNode statement = statement(sealed);
        JsonNode predicate = statement.get("predicate");
        JsonNode decision = predicate.get("urn:gatehouse:protocol-14:decision");

        assertThat(predicate.get("verificationResult").asText()).isEqualTo("FAILED");
        assertThat(predicate.get("verifiedLevels")).extracting(JsonNode::asText).containsExactly("FAILED");
        assertThat(decision.get("decision").asText()).isEqualTo("NO_GO");
        assertThat(decision.get("decisionEventId").asText()).isEqualTo(story.noGo.eventId());
        assertThat(decision.get("failedReasons")).extracting(JsonNode::asText).containsExactly(ReleaseStory.NO_GO_GATE_3, ReleaseStory.NO_GO_GATE_4);
        assertThat(decision.get("gates")).extracting(g -> g.get("gate").asInt() + " " + g.get("outcome").asText())
                .containsExactly("1 WAIVED", "2 PASSED", "3 FAILED", "4 FAILED");
        assertThat(decision.get("gates").get(2).get("unmetConditions")).extracting(JsonNode::asText).containsExactly("1 blocking security finding");
        assertThat(decision.get("waivers")).hasSize(1);
        JsonNode waiver = decision.get("waivers").get(0);
        assertThat(waiver.get("gate").asInt()).isEqualTo(1);
        assertThat(waiver.get("grantedBy").asText()).isEqualTo("rita");
        assertThat(waiver.get("role").asText()).isEqualTo("release-manager");
        assertThat(waiver.get("expiresAt").asText()).isEqualTo(ReleaseStory.at(60 * 24).toString());
        assertThat(waiver.get("expired").asBoolean()).isFalse();
        assertThat(predicate.get("timeVerified").asText()).isEqualTo(story.noGo.time().toString());
        assertThat(sealed.attestationSignature()).isNotNull();
        assertThat(sealed.manifestSealedEvent().getAttestationSignature()).isEqualTo(sealed.attestationSignature());
    }

    @Test
    void aGoIsAttestedPassedAndStillListsEveryWaiverWithItsApproversAndExpiry() throws IOException {
        JsonNode statement = statement(story.sealGo());
        JsonNode predicate = statement.get("predicate");
        JsonNode decision = predicate.get("urn:gatehouse:protocol-14:decision");

        assertThat(statement.get("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(statement.get("predicateType").asText()).isEqualTo("https://slsa.dev/verification_summary/v1");
        assertThat(predicate.get("verificationResult").asText()).isEqualTo("PASSED");
        assertThat(predicate.get("verifiedLevels")).extracting(JsonNode::asText).containsExactly("GATEHOUSE_PROTOCOL_14_READY");
        assertThat(predicate.get("slsaVersion").asText()).isEqualTo("1.0");
        assertThat(predicate.get("resourceUri").asText()).isEqualTo("urn:gatehouse:release:" + ReleaseStory.RELEASE);
        assertThat(predicate.get("policy").get("digest").get("sha256").asText()).isEqualTo(ReleaseStory.POLICY);
        assertThat(predicate.get("timeVerified").asText()).isEqualTo(story.go.time().toString());
        assertThat(decision.get("failedReasons")).isEmpty();
        assertThat(decision.get("gates")).extracting(g -> g.get("gate").asInt() + " " + g.get("outcome").asText())
                .containsExactly("1 WAIVED", "2 PASSED", "3 WAIVED", "4 PASSED");
        assertThat(decision.get("waivers")).extracting(w -> w.get("gate").asInt() + " " + w.get("grantedBy").asText() + " "
                + w.get("role").asText() + " until " + w.get("expiresAt").asText())
                .containsExactly("1 rita release-manager until " + ReleaseStory.at(60 * 24), "3 cleo ciso until " + ReleaseStory.at(60 * 24 * 14),
                        "3 tom cto until " + ReleaseStory.at(60 * 24 * 14));
        assertThat(decision.get("waivers").get(1).get("compensatingControls").asText()).isEqualTo("WAF rule 931 blocks the header");
    }

    @Test
    void theSubjectIsTheLatestUploadOfEachUpstreamArtifactBySha256() throws IOException {
        JsonNode subject = statement(story.sealGo()).get("subject");

        assertThat(subject).extracting(s -> s.get("name").asText()).containsExactly("INTEGRATION-EVIDENCE.zip", "QUALITY-AUDIT-PACKAGE.zip",
                "deploy.sh", "release-manifest.json", "rollback.sh");
        JsonNode manifest = StreamSupport.stream(subject.spliterator(), false).filter(s -> s.get("name").asText().equals("release-manifest.json"))
                .findFirst().orElseThrow();
        assertThat(manifest.get("digest").get("sha256").asText()).isEqualTo(ReleaseStory.digestOf("release-manifest.json", 2));
        assertThat(manifest.get("uri").asText()).isEqualTo("s3://releases/" + ReleaseStory.RELEASE + "/release-manifest.json");
    }

    @Test
    void theGoStatementIsPinnedAndTheSameInAnotherTimeZoneAndLocale() {
        String pinned = golden(getClass(), "release-attestation.go.statement.json");

        assertThat(new String(payload(story.sealGo()), StandardCharsets.UTF_8)).isEqualTo(pinned);
        assertThat(new String(payload(inAnotherTimeZoneAndLocale(() -> ReleaseStory.recorded().sealGo())), StandardCharsets.UTF_8)).isEqualTo(pinned);
        assertThat(inAnotherTimeZoneAndLocale(() -> ReleaseStory.recorded().sealGo().zip())).isEqualTo(story.sealGo().zip());
    }

    @Test
    void aReplayHandingBackTheRecordedSignatureRebuildsTheSameBundle() {
        SealedBundle live = story.sealGo();
        Seal seal = story.log.sealAt(ReleaseStory.RELEASE, 2, story.go);

        SealedBundle replayed = SealedBundle.seal(seal, story.log.eventsUpTo(ReleaseStory.RELEASE, story.go), story.log.tree().tree(),
                TestLog.KEY.verifierOnly(), (type, payload) -> live.manifestSealedEvent().getAttestationSignature());

        assertThat(replayed.zip()).isEqualTo(live.zip());
    }

    @Test
    void anAttestationThatDoesNotReDeriveFromTheEventsFails() {
        byte[] goEnvelope = Bundles.files(story.sealGo().zip()).get(SealedBundle.RELEASE_ATTESTATION);
        byte[] noGoWithGoAttestation = Bundles.rezipped(story.sealNoGo().zip(), files -> files.put(SealedBundle.RELEASE_ATTESTATION, goEnvelope));
        byte[] forgedSignature = Bundles.rezipped(story.sealGo().zip(), files -> files.put(SealedBundle.RELEASE_ATTESTATION,
                Dsse.envelope(Dsse.IN_TOTO_PAYLOAD_TYPE, payload(story.sealGo()), TestLog.KEY,
                        Dsse.signature(Dsse.IN_TOTO_PAYLOAD_TYPE, payload(story.sealGo()), TestLog.FORGER))));

        BundleVerifier.Verification swapped = BundleVerifier.verify(noGoWithGoAttestation, Optional.of(TestLog.KEY.verifierOnly()));
        BundleVerifier.Verification forged = BundleVerifier.verify(forgedSignature, Optional.of(TestLog.KEY.verifierOnly()));

        assertThat(swapped.check(BundleVerifier.ATTESTATION)).hasValueSatisfying(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.detail()).contains("differs from the one the events give");
        });
        assertThat(forged.check(BundleVerifier.ATTESTATION)).hasValueSatisfying(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.detail()).contains("no valid signature by " + TestLog.KEY.verifierKey());
        });
    }

    private static byte[] payload(SealedBundle sealed) {
        return Dsse.open(Bundles.files(sealed.zip()).get(SealedBundle.RELEASE_ATTESTATION), TestLog.KEY).orElseThrow();
    }

    private static JsonNode statement(SealedBundle sealed) throws IOException {
        JsonNode envelope = JSON.readTree(Bundles.files(sealed.zip()).get(SealedBundle.RELEASE_ATTESTATION));
        assertThat(envelope.get("payloadType").asText()).isEqualTo("application/vnd.in-toto+json");
        assertThat(envelope.get("signatures").get(0).get("keyid").asText()).isEqualTo(TestLog.KEY.verifierKey());
        return JSON.readTree(payload(sealed));
    }
}
