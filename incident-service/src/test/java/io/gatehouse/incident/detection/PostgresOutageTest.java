package io.gatehouse.incident.detection;

import static io.gatehouse.incident.TestAlerts.WAIT;
import static io.gatehouse.incident.TestAlerts.alertReceivedNow;
import static io.gatehouse.incident.TestAlerts.awaitIncident;
import static io.gatehouse.incident.TestAlerts.publish;
import static io.gatehouse.incident.TestAlerts.unique;
import static io.gatehouse.incident.TestEvents.as;
import static io.gatehouse.incident.TestEvents.is;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.HttpStubsResource;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.gatehouse.infra.postgres.RestartablePostgres;
import io.gatehouse.infra.postgres.SharedPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped for longer than a consumer used to wait (a minute then; here ten seconds at pauses of at most half
 * a second, with three failures while PostgreSQL answers enough to dead-letter): alerts published meanwhile are all
 * applied once it is back, none is dead-lettered, commands answer 503 meanwhile, and the scheduled jobs resume.
 */
@QuarkusTest
@TestProfile(PostgresOutageTest.ShortPauses.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class PostgresOutageTest {

    public static class ShortPauses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.messaging.retry.first-delay", "100ms",
                    "gatehouse.messaging.retry.max-delay", "500ms",
                    "gatehouse.messaging.retry.attempts-while-dependencies-answer", "3",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2s");
        }
    }

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final int GROUPS = 3;
    private static final int ALERTS_PER_GROUP = 4;

    @Test
    void alertsPublishedWhilePostgresqlIsStoppedAreAllAppliedOnceItIsBackAndNoneIsDeadLettered() {
        RestartablePostgres postgres = SharedPostgres.embedded().orElse(null);
        assumeTrue(postgres != null, "stopping PostgreSQL needs the embedded one; GATEHOUSE_DB_URL names another server");
        String alertName = unique("CheckoutHighErrorRate");
        publish(alertReceivedNow(alertName, "before-" + alertName, AlertStatus.FIRING, Map.of("severity", "critical"), "checkout"));
        String before = awaitIncident("checkout:" + alertName, 1).getString("id");
        List<String> services = IntStream.range(0, GROUPS).mapToObj(i -> "svc" + i).toList();

        try (TopicReader deadLetters = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.ALERTS_DLQ);
             TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS)) {
            postgres.stop();
            try {
                for (String service : services) {
                    for (int i = 0; i < ALERTS_PER_GROUP; i++) {
                        publish(alertReceivedNow(alertName, service + "-" + i + "-" + alertName, AlertStatus.FIRING, Map.of(), service));
                    }
                }
                await().atMost(WAIT).until(() -> consumerWaitsFor("PostgreSQL"));
                given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'PostgreSQL' }.status", equalTo("DOWN"));
                as("iris", Roles.INCIDENT_COMMANDER).body("{}").post("/v1/incidents/" + before + "/severity/confirmation").then()
                        .statusCode(503).body("severity", equalTo("CRITICAL")).body("impact", equalTo("nothing was changed"));
                await().during(OUTAGE).atMost(OUTAGE.plus(WAIT)).pollInterval(Duration.ofMillis(500))
                        .until(() -> consumerWaitsFor("PostgreSQL"));
            } finally {
                postgres.start();
            }

            List<String> opened = services.stream().map(service -> awaitIncident(service + ":" + alertName, ALERTS_PER_GROUP).getString("id")).toList();
            await().atMost(WAIT).until(() -> given().get("/q/health/ready").statusCode() == 200);
            as("iris", Roles.INCIDENT_COMMANDER).body("{}").post("/v1/incidents/" + before + "/severity/confirmation").then().statusCode(200);
            // The outbox relay and the notification sender resumed by themselves.
            incidents.await(GROUPS, r -> opened.contains(r.key()) && is(r, IncidentOpened.class), WAIT);
            await().atMost(WAIT).untilAsserted(() -> given().get("/v1/incidents/" + before).then().body("gate1", equalTo("PASSED")));

            // The consumer dead-letters in order: once this unusable record is there, any earlier dead letter would be.
            String marker = "marker-" + alertName;
            RawRecords.send(KafkaBrokerResource.bootstrapServers(), Topics.ALERTS, marker, Map.of(), "not an event".getBytes(StandardCharsets.UTF_8));
            deadLetters.await(1, r -> marker.equals(r.key()), WAIT);
            assertThat(deadLetters.seen()).filteredOn(r -> r.key() != null && (r.key().contains(alertName) || r.key().equals(marker)))
                    .extracting(r -> r.key()).containsExactly(marker);
        }
    }

    private static boolean consumerWaitsFor(String dependency) {
        String waiting = given().get("/q/health/ready").jsonPath().getString("checks.find { it.name == 'Consumers' }.data.'" + AlertConsumer.CHANNEL + "'");
        return waiting != null && waiting.contains(dependency);
    }
}
