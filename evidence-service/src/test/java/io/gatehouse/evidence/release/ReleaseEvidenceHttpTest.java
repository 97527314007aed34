package io.gatehouse.evidence.release;

import static io.gatehouse.evidence.IncidentEvents.WAIT;
import static io.gatehouse.evidence.IncidentEvents.awaitManifest;
import static io.gatehouse.evidence.IncidentEvents.publish;
import static io.gatehouse.evidence.RenderedFiles.unzip;
import static io.gatehouse.evidence.release.ReleaseLedger.at;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.gatehouse.events.FindingSeverity;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.ReleaseDecision;
import io.gatehouse.events.RunStatus;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.evidence.RenderedFiles.BundleEntry;
import io.gatehouse.events.EvidenceBundleBuilt;
import io.gatehouse.events.EvidenceManifestSealed;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.evidence.log.NoteKey;
import io.gatehouse.evidence.sealed.BundleVerifier;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** A release's events produced on the real broker, as intake-service and rehearsal-service publish them, served as evidence. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
class ReleaseEvidenceHttpTest {

    private static final String INTAKE = "/gatehouse/intake-service";
    private static final String REHEARSAL = "/gatehouse/rehearsal-service";

    @Test
    void aReleasesEventsOnBothTopicsAreServedAsItsArtifactsManifestAndBundle() {
        String release = "rel-" + UUID.randomUUID();
        ReleaseLedger events = new ReleaseLedger(release);
        publishOn(Topics.REHEARSALS, INTAKE, release, 5, events.tests("smoke", 12, 0, 0, 0, 5));
        publishOn(Topics.RELEASES, REHEARSAL, release, 0, events.registered());
        String failedRun = publishOn(Topics.REHEARSALS, INTAKE, release, 8,
                events.run(RehearsalResultKind.DEPLOYMENT_REHEARSAL, RunStatus.FAILED, 5, 8, 2, 0, "migrate-db", "lock timeout\n"));
        String run = publishOn(Topics.REHEARSALS, INTAKE, release, 12,
                events.run(RehearsalResultKind.DEPLOYMENT_REHEARSAL, RunStatus.SUCCEEDED, 9, 12, 0, 0, null, "ok\n"));
        String rollback = publishOn(Topics.REHEARSALS, INTAKE, release, 20,
                events.run(RehearsalResultKind.ROLLBACK_REHEARSAL, RunStatus.SUCCEEDED, 16, 20, null, null, null, null));
        String assessment = publishOn(Topics.RELEASES, REHEARSAL, release, 20, events.assessed(rollback, true, 240.0, 20));
        String scan = publishOn(Topics.REHEARSALS, INTAKE, release, 21,
                events.scan("dependencies", 21, 1, 0, List.of(ReleaseLedger.finding("CVE-2026-1234", FindingSeverity.CRITICAL, false))));
        String gate3 = publishOn(Topics.RELEASES, REHEARSAL, release, 21, events.gate(3, GateOutcome.FAILED, 21,
                Map.of("rollbackSucceeded", 1.0, "rollbackDurationSeconds", 240.0, "rtoSeconds", 600.0, "blockingFindings", 1.0),
                List.of("1 blocking security finding"), List.of(assessment, scan)));
        publishOn(Topics.RELEASES, REHEARSAL, release, 22, events.waiver(3, "cleo", "ciso", "Only reachable behind the gateway.", "WAF rule 931",
                at(60), 22));
        publishOn(Topics.RELEASES, REHEARSAL, release, 23, events.approval("readiness", "release-manager", "rita", 23, null));
        publishOn(Topics.RELEASES, REHEARSAL, release, 23, events.decided(ReleaseDecision.NO_GO,
                List.of("Gate 3 (Rollback and security) failed: 1 blocking security finding"), 23, "g1", "g2", gate3, "g4"));
        JsonPath recorded = awaitManifest(release, 11);

        Response report = given().get("/v1/evidence/" + release + "/artifacts/rollback-verification-report.json");
        Response runLog = given().get("/v1/evidence/" + release + "/artifacts/staging-deployment-run.log");
        JsonPath manifest = given().get("/v1/evidence/" + release + "/artifacts/evidence-manifest.json").then().statusCode(200)
                .extract().jsonPath();
        Response bundle = given().get("/v1/evidence/" + release + "/draft-bundle");

        assertThat(recorded.getList("events.topic")).contains(Topics.REHEARSALS, Topics.RELEASES);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("application/json");
        assertThat(report.jsonPath().getBoolean("passed")).isTrue();
        assertThat(report.jsonPath().getDouble("durationSeconds")).isEqualTo(240.0);
        assertThat(report.jsonPath().getDouble("rtoSeconds")).isEqualTo(600.0);
        assertThat(report.jsonPath().getString("assessmentEventId")).isEqualTo(assessment);
        assertThat(report.jsonPath().getString("rehearsal.received.eventId")).isEqualTo(rollback);

        assertThat(runLog.contentType()).startsWith("text/plain");
        assertThat(runLog.asString()).contains("== Run 1 of 2 (superseded by " + run + ") ==\nevent:                " + failedRun + "\n",
                "== Run 2 of 2 (latest) ==");

        assertThat(manifest.getString("subject")).isEqualTo(release);
        assertThat(manifest.getInt("protocol")).isEqualTo(14);
        assertThat(manifest.getString("artifacts.find { it.name == 'rollback-verification-report.json' }.sha256"))
                .isEqualTo(HashChain.sha256(report.asByteArray()));
        assertThat(manifest.getList("artifacts.find { it.name == 'rollback-verification-report.json' }.derivedFrom"))
                .as("one from each topic: the ledger may hold them in either order").containsExactlyInAnyOrder(rollback, assessment);
        assertThat(manifest.getList("pendingArtifacts")).contains("staging-parity-report.json", "observability-baseline.md");
        JsonPath waivers = given().get("/v1/evidence/" + release + "/artifacts/gate-waivers.json").jsonPath();
        assertThat(waivers.getString("gates[2].waivers[0].compensatingControls")).isEqualTo("WAF rule 931");
        JsonPath readiness = given().get("/v1/evidence/" + release + "/artifacts/readiness-approval.json").jsonPath();
        assertThat(readiness.getString("decision.decision")).isEqualTo("NO_GO");

        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.contentType()).isEqualTo("application/zip");
        assertThat(bundle.header("Content-Disposition")).isEqualTo("attachment; filename=\"DRAFT-PRE-DEPLOYMENT-PACKAGE.zip\"");
        assertThat(unzip(bundle.asByteArray()).stream().map(BundleEntry::name).toList()).hasSize(12).isSorted()
                .contains("evidence-manifest.json", "rollback-verification-report.json", "deployment-checklist.md");
        assertThat(given().get("/v1/evidence/" + release + "/draft-bundle").asByteArray()).isEqualTo(bundle.asByteArray());

        // The decision is the last event, so its seal holds the same artifacts, and what proves them.
        Response sealed = given().get("/v1/evidence/" + release + "/bundle");
        assertThat(sealed.statusCode()).isEqualTo(200);
        assertThat(sealed.header("Gatehouse-Evidence-State")).isEqualTo("sealed");
        assertThat(sealed.header("Gatehouse-Evidence-Seal")).isEqualTo("1");
        assertThat(sealed.header("Content-Disposition")).isEqualTo("attachment; filename=\"PRE-DEPLOYMENT-PACKAGE.zip\"");
        List<BundleEntry> sealedFiles = unzip(sealed.asByteArray());
        for (BundleEntry draftFile : unzip(bundle.asByteArray())) {
            assertThat(sealedFiles).filteredOn(f -> f.name().equals(draftFile.name())).singleElement()
                    .satisfies(f -> assertThat(f.bytes()).as(f.name()).isEqualTo(draftFile.bytes()));
        }
        assertThat(sealedFiles).extracting(BundleEntry::name).contains("checkpoint.txt", "ledger-proofs.json", "seal-manifest.json",
                "release-attestation.intoto.json", "public-key.txt").filteredOn(n -> n.startsWith("events/")).hasSize(11);
        NoteKey key = NoteKey.parseVerifier(given().get("/v1/evidence/ledger/public-key").asString());
        BundleVerifier.Verification verification = BundleVerifier.verify(sealed.asByteArray(), Optional.of(key));
        assertThat(verification.intact()).as("%s", verification.checks()).isTrue();
    }

    @Test
    void eachDecisionIsANewSealAndAnEarlierSealNeverChanges() {
        String release = "rel-" + UUID.randomUUID();
        ReleaseLedger events = new ReleaseLedger(release);
        try (TopicReader evidenceTopic = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.EVIDENCE)) {
            publishOn(Topics.REHEARSALS, INTAKE, release, 1, events.tests("smoke", 3, 0, 0, 0, 1));
            publishOn(Topics.RELEASES, REHEARSAL, release, 2, events.decided(ReleaseDecision.NO_GO, List.of("Gate 1 failed"), 2, "g1", "g2", "g3", "g4"));
            byte[] first = await().atMost(WAIT).until(() -> given().get("/v1/evidence/" + release + "/bundle"), r -> r.statusCode() == 200).asByteArray();

            publishOn(Topics.RELEASES, REHEARSAL, release, 3, events.decided(ReleaseDecision.GO, List.of(), 3, "g1", "g2", "g3", "g4"));
            Response second = await().atMost(WAIT).until(() -> given().get("/v1/evidence/" + release + "/bundle"),
                    r -> "2".equals(r.header("Gatehouse-Evidence-Seal")));

            assertThat(given().get("/v1/evidence/" + release + "/seals/1/bundle").asByteArray()).isEqualTo(first);
            assertThat(second.asByteArray()).isNotEqualTo(first);
            JsonPath seals = given().get("/v1/evidence/" + release + "/seals").jsonPath();
            assertThat(seals.getList("seal", Integer.class)).containsExactly(1, 2);
            assertThat(seals.getString("[1].sha256")).isEqualTo(HashChain.sha256(second.asByteArray()));

            List<SpecificRecord> announced = evidenceTopic.await(4, r -> release.equals(r.key()), WAIT).stream()
                    .map(r -> EventCodec.decode(r.value())).toList();
            assertThat(announced).filteredOn(EvidenceBundleBuilt.class::isInstance).extracting(e -> ((EvidenceBundleBuilt) e).getSha256())
                    .containsExactly(HashChain.sha256(first), HashChain.sha256(second.asByteArray()));
            EvidenceManifestSealed secondSeal = announced.stream().filter(EvidenceManifestSealed.class::isInstance).map(EvidenceManifestSealed.class::cast)
                    .filter(m -> m.getSeal() == 2).findFirst().orElseThrow();
            assertThat(secondSeal.getTreeSize()).isEqualTo(secondSeal.getTriggerLeafIndex() + 1);
            assertThat(secondSeal.getFiles()).extracting(f -> f.getName()).contains("release-attestation.intoto.json", "checkpoint.txt");
        }
    }

    @Test
    void anUnknownArtifactOfAReleaseIsA404InTheErrorShape() {
        String release = "rel-" + UUID.randomUUID();
        ReleaseLedger events = new ReleaseLedger(release);
        publishOn(Topics.REHEARSALS, INTAKE, release, 1, events.tests("smoke", 3, 0, 0, 0, 1));
        awaitManifest(release, 1);

        given().get("/v1/evidence/" + release + "/artifacts/INCIDENT-REPORT.md").then().statusCode(404)
                .body("severity", equalTo("INFO"))
                .body("failed", equalTo("evidence artifact"))
                .body("context", equalTo("protocol 14 has no artifact named INCIDENT-REPORT.md"))
                .body("resolution", containsString("rollback-verification-report.json"));
        given().get("/v1/evidence/rel-nothing-here/bundle").then().statusCode(404)
                .body("context", equalTo("nothing is recorded about subject rel-nothing-here"));
    }

    /** Publishes the event about the release, with a new id; returns the id. */
    private static String publishOn(String topic, String source, String release, long minutes, SpecificRecord event) {
        CloudEvent attributes = CloudEvent.of(event, UUID.randomUUID().toString(), source, release, at(minutes));
        publish(topic, attributes, event);
        return attributes.id();
    }
}
