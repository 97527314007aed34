package io.gatehouse.incident.releases;

import static io.gatehouse.incident.TestAlerts.WAIT;
import static io.gatehouse.incident.TestAlerts.alertReceivedNow;
import static io.gatehouse.incident.TestAlerts.awaitIncident;
import static io.gatehouse.incident.TestAlerts.publish;
import static io.gatehouse.incident.TestAlerts.unique;
import static io.gatehouse.incident.TestEvents.as;
import static io.gatehouse.incident.TestEvents.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.ReadinessItem;
import io.gatehouse.events.ReadinessStatus;
import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.events.RollbackReadinessVerified;
import io.gatehouse.events.Topics;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.incident.HttpStubsResource;
import io.gatehouse.incident.TestReleases;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** incident-service learns each release's rollback rehearsal from gatehouse.releases, as rehearsal-service publishes it. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class ReleaseEventsTest {

    private static final String PLAN = """
            {"options":[{"kind":"ROLLBACK","description":"Roll checkout back","pros":["known good"],"cons":["loses a fix"],"risks":["drift"]}],
             "chosen":"ROLLBACK","scope":{"services":["checkout"],"regions":["eu-west-1"],"description":"EU checkout"},
             "previousRelease":"%s"}""";

    @Test
    void aRollbackRehearsalOnGatehouseReleasesPassesTheReadinessItemAndIsCited() {
        String release = "rel-" + UUID.randomUUID();
        String assessed = TestReleases.publish(TestReleases.rollbackRehearsal(release, true, 312.5, 600));
        TestReleases.awaitKnown(release, assessed);
        String alertName = unique("CheckoutHighErrorRate");
        publish(alertReceivedNow(alertName, "a-" + alertName, AlertStatus.FIRING, Map.of("severity", "critical"), "checkout"));
        String id = awaitIncident("checkout:" + alertName, 1).getString("id");

        try (TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS)) {
            as("iris", Roles.INCIDENT_COMMANDER).body(PLAN.formatted(release)).post("/v1/incidents/" + id + "/mitigation/plan")
                    .then().statusCode(200);
            as("rhea", Roles.RELEASE_MANAGER).body("{\"rollbackScriptPresent\":true,\"dataBackupVerified\":true}")
                    .post("/v1/incidents/" + id + "/mitigation/readiness").then().statusCode(200)
                    .body("coverage", equalTo(1.0f))
                    .body("items.find { it.name == 'previous-release-rollback-verified' }.status", equalTo("PASSED"))
                    .body("items.find { it.name == 'previous-release-rollback-verified' }.evidenceEventId", equalTo(assessed));

            RollbackReadinessVerified verified = EventCodec.decode(incidents.await(1, r -> id.equals(r.key())
                    && is(r, RollbackReadinessVerified.class), WAIT).get(0).value(), RollbackReadinessVerified.class);
            ReadinessItem item = verified.getItems().stream().filter(i -> i.getName().equals("previous-release-rollback-verified"))
                    .findFirst().orElseThrow();
            assertThat(item.getStatus()).isEqualTo(ReadinessStatus.PASSED);
            assertThat(item.getEvidenceEventId()).isEqualTo(assessed);
            assertThat(verified.getPreviousRelease()).isEqualTo(release);
        }
    }

    @Test
    void aReleaseWithoutARehearsalIsNoKnownRollbackTarget() {
        io.restassured.RestAssured.given().get("/v1/rollback-targets/rel-never-rehearsed").then().statusCode(404)
                .body("failed", equalTo("rollback target lookup"))
                .body("impact", equalTo("a rollback to this release cannot pass gate 2 without a waiver"));
    }

    @Test
    void aLaterRehearsalOfTheSameReleaseSupersedesTheEarlierOne() {
        String release = "rel-" + UUID.randomUUID();
        TestReleases.awaitKnown(release, TestReleases.publish(TestReleases.rollbackRehearsal(release, false, 100, 600)));
        String rerun = TestReleases.publish(TestReleases.rollbackRehearsal(release, true, 100, 600));

        TestReleases.awaitKnown(release, rerun);
    }

    @Test
    void otherReleaseEventsArePassedOverAndAnUnreadableRecordIsDeadLettered() {
        String bootstrap = KafkaBrokerResource.bootstrapServers();
        String release = "rel-" + UUID.randomUUID();
        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.RELEASES_DLQ)) {
            // One key, so one partition: the three are applied in this order.
            TestReleases.publish(release, registered(release));
            RawRecords.send(bootstrap, Topics.RELEASES, release, Map.of(), ("garbage-" + release).getBytes(StandardCharsets.UTF_8));
            TestReleases.awaitKnown(release, TestReleases.publish(TestReleases.rollbackRehearsal(release, true, 60, 600)));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(1, r -> release.equals(r.key()), WAIT).get(0);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("garbage-" + release);
            assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("CRITICAL event on gatehouse.releases");
            assertThat(deadLetters.seen().stream().filter(r -> release.equals(r.key())))
                    .as("ReleaseRegistered, before the garbage on the same partition, is not for incident-service but is no dead letter")
                    .hasSize(1);
        }
    }

    private static ReleaseRegistered registered(String release) {
        return ReleaseRegistered.newBuilder().setReleaseId(release).setService("checkout").setVersion("2026.12.1")
                .setStagingEnvironment("staging").setProductionEnvironment("production").setRtoMinutes(10).setPreviousRelease(null)
                .setRequiredArtifacts(List.of()).setRequiredApprovals(List.of()).setExpectedDifferences(List.of())
                .setPolicyVersion("sha256:0").setRegisteredBy("pipeline").setRegisteredAt(Instant.now()).build();
    }
}
