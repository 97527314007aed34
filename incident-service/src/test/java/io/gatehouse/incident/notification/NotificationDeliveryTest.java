package io.gatehouse.incident.notification;

import static io.gatehouse.incident.TestAlerts.WAIT;
import static io.gatehouse.incident.TestAlerts.alertReceivedNow;
import static io.gatehouse.incident.TestAlerts.awaitIncident;
import static io.gatehouse.incident.TestAlerts.publish;
import static io.gatehouse.incident.TestAlerts.unique;
import static io.gatehouse.incident.TestEvents.is;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.NotificationOutcome;
import io.gatehouse.events.StakeholdersNotified;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.incident.HttpStubsResource;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class NotificationDeliveryTest {

    @Test
    void stakeholdersAreToldOnTheirChannelAndGateOnePassesOnceTheCommanderConfirms() {
        String alertName = unique("CheckoutHighErrorRate");
        try (TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS)) {
            publish(alertReceivedNow(alertName, "fp-" + alertName, AlertStatus.FIRING, Map.of("severity", "critical"), "checkout"));
            String id = awaitIncident("checkout:" + alertName, 1).getString("id");

            StakeholdersNotified notified = decode(incidents.await(1, r -> id.equals(r.key()) && is(r, StakeholdersNotified.class), WAIT).get(0),
                    StakeholdersNotified.class);
            assertThat(notified.getOutcome()).isEqualTo(NotificationOutcome.DELIVERED);
            assertThat(notified.getChannel()).isEqualTo("incident-bridge");
            assertThat(notified.getAudience()).contains("incident-commander", "release-manager");
            assertThat(notified.getAttempts()).isEqualTo(1);
            assertThat(notified.getLatencyMillis()).isEqualTo(Duration.between(notified.getRequestedAt(), notified.getCompletedAt()).toMillis());
            assertThat(HttpStubsResource.received("incident-bridge"))
                    .anySatisfy(body -> assertThat(body).contains("[SEV-1] Incident opened").contains(id).contains("\"text\""));

            GateEvaluated beforeConsensus = decode(incidents.await(1, r -> id.equals(r.key()) && is(r, GateEvaluated.class), WAIT).get(0),
                    GateEvaluated.class);
            assertThat(beforeConsensus.getOutcome()).isEqualTo(GateOutcome.FAILED);
            assertThat(beforeConsensus.getUnmetConditions()).containsExactly("the incident commander has not confirmed the severity");

            given().contentType("application/json").header("Authorization", "Bearer " + DevTokensResource.token("iris", Roles.INCIDENT_COMMANDER))
                    .body("{}").post("/v1/incidents/" + id + "/severity/confirmation").then().statusCode(200);

            List<ConsumerRecord<String, byte[]>> gates = incidents.await(2, r -> id.equals(r.key()) && is(r, GateEvaluated.class), WAIT);
            GateEvaluated passed = decode(gates.get(1), GateEvaluated.class);
            assertThat(passed.getOutcome()).isEqualTo(GateOutcome.PASSED);
            assertThat(passed.getProtocol()).isEqualTo(17);
            assertThat(passed.getGate()).isEqualTo(1);
            assertThat(passed.getPolicyVersion()).startsWith("sha256:");
            String notifiedEventId = CloudEvent.readFrom(incidents.seen().stream()
                    .filter(r -> id.equals(r.key()) && is(r, StakeholdersNotified.class)).findFirst().orElseThrow().headers()).id();
            assertThat(passed.getEvidenceEventIds()).hasSize(2).contains(notifiedEventId);
            given().get("/v1/incidents/" + id).then().body("gate1", org.hamcrest.Matchers.equalTo("PASSED"));
        }
    }

    @Test
    void aFailingChannelIsRetriedAndEveryAttemptIsOnRecord() {
        HttpStubsResource.failNext("team-alerts", 2);
        String alertName = unique("InventorySyncStalled");
        publish(alertReceivedNow(alertName, "fp-" + alertName, AlertStatus.FIRING, Map.of("severity", "warning"), "inventory"));
        String id = awaitIncident("inventory:" + alertName, 1).getString("id");

        JsonPath notification = await().atMost(WAIT).until(() -> given().get("/v1/incidents/" + id + "/notifications").jsonPath(),
                n -> "DELIVERED".equals(n.getString("[0].status")));

        assertThat(notification.getString("[0].channel")).isEqualTo("team-alerts");
        assertThat(notification.getInt("[0].attempts")).isEqualTo(3);
        assertThat(notification.getString("[0].lastError")).startsWith("HTTP 500").contains("channel_is_archived");
        assertThat(notification.getLong("[0].latencyMillis")).isGreaterThanOrEqualTo(6000);
    }


    private static <T extends org.apache.avro.specific.SpecificRecord> T decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return EventCodec.decode(record.value(), type);
    }
}
