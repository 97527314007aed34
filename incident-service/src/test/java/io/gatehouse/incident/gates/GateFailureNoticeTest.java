package io.gatehouse.incident.gates;

import static io.gatehouse.incident.TestAlerts.WAIT;
import static io.gatehouse.incident.TestAlerts.alertReceivedNow;
import static io.gatehouse.incident.TestAlerts.awaitIncident;
import static io.gatehouse.incident.TestAlerts.publish;
import static io.gatehouse.incident.TestAlerts.publishWithId;
import static io.gatehouse.incident.TestAlerts.unique;
import static io.gatehouse.incident.TestEvents.as;
import static io.gatehouse.incident.TestEvents.is;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateFailureAnnounced;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.NotificationOutcome;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.incident.HttpStubsResource;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.gatehouse.messaging.notification.Notification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A failed gate is announced to the roles SPEC.md names for it, through the shared notification delivery, once. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class GateFailureNoticeTest {

    @Test
    void aFailedGateIsAnnouncedToItsRolesWithItsCriteriaAndWhatWasActual() {
        String alertName = unique("CheckoutHighErrorRate");
        try (TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS)) {
            publish(alertReceivedNow(alertName, "a-" + alertName, AlertStatus.FIRING, Map.of("severity", "critical"), "checkout"));
            String id = awaitIncident("checkout:" + alertName, 1).getString("id");

            // Gate 1 fails once the opening notification is delivered: the incident commander has not confirmed the severity.
            ConsumerRecord<String, byte[]> failed = incidents.await(1, r -> id.equals(r.key()) && gateOne(GateOutcome.FAILED).test(r), WAIT).get(0);
            GateFailureAnnounced announced = EventCodec.decode(incidents.await(1, r -> id.equals(r.key())
                    && is(r, GateFailureAnnounced.class), WAIT).get(0).value(), GateFailureAnnounced.class);

            assertThat(announced.getSubject()).isEqualTo(id);
            assertThat(announced.getProtocol()).isEqualTo(17);
            assertThat(announced.getGate()).isEqualTo(1);
            assertThat(announced.getGateEvaluationEventId()).isEqualTo(CloudEvent.readFrom(failed.headers()).id());
            assertThat(announced.getChannel()).isEqualTo("incident-bridge");
            assertThat(announced.getAudience()).containsExactly("incident-commander", "on-call-lead");
            assertThat(announced.getOutcome()).isEqualTo(NotificationOutcome.DELIVERED);
            assertThat(announced.getLatencyMillis()).isEqualTo(Duration.between(announced.getRequestedAt(), announced.getCompletedAt()).toMillis());
            assertThat(HttpStubsResource.received("incident-bridge")).anySatisfy(body -> assertThat(body)
                    .contains("[WARNING] gate 1 (Severity alignment) failed")
                    .contains("Context: the incident commander has not confirmed the severity")
                    .contains("Criteria: consensusReached = 1")
                    .contains("Actual: consensusReached = 0")
                    .contains("Incident " + id)
                    .contains("for incident-commander, on-call-lead"));
            given().get("/v1/incidents/" + id + "/notifications").then()
                    .body("find { it.reason == 'gate-failed' }.audience", org.hamcrest.Matchers.contains("incident-commander", "on-call-lead"));

            // A passed gate is announced to no one.
            as("iris", Roles.INCIDENT_COMMANDER).body("{}").post("/v1/incidents/" + id + "/severity/confirmation").then().statusCode(200);
            String passed = CloudEvent.readFrom(incidents.await(1, r -> id.equals(r.key()) && gateOne(GateOutcome.PASSED).test(r), WAIT)
                    .get(0).headers()).id();
            assertThat(noticesFor(id, passed)).isZero();
        }
    }

    @Test
    void anEventThatFailedAGateAndIsDeliveredAgainAnnouncesTheFailureOnce() {
        String alertName = unique("InventorySyncStalled");
        String group = "inventory:" + alertName;
        try (TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS)) {
            publish(alertReceivedNow(alertName, "a1-" + alertName, AlertStatus.FIRING, Map.of("burn_rate", "7"), "inventory"));
            String id = awaitIncident(group, 1).getString("id");
            as("iris", Roles.INCIDENT_COMMANDER).body("{}").post("/v1/incidents/" + id + "/severity/confirmation").then().statusCode(200);

            // After settlement a higher burn rate is a proposal, and gate 1 fails until the commander confirms again.
            AlertReceived raised = alertReceivedNow(alertName, "a2-" + alertName, AlertStatus.FIRING, Map.of("burn_rate", "20"), "inventory");
            String raisedEventId = UUID.randomUUID().toString();
            publishWithId(raised, raisedEventId);
            String failed = CloudEvent.readFrom(incidents.await(1, r -> id.equals(r.key()) && gateOne(GateOutcome.FAILED).test(r)
                    && EventCodec.decode(r.value(), GateEvaluated.class).getUnmetConditions().stream().anyMatch(u -> u.contains("confirm again")),
                    WAIT).get(0).headers()).id();
            incidents.await(1, r -> id.equals(r.key()) && is(r, GateFailureAnnounced.class)
                    && failed.equals(EventCodec.decode(r.value(), GateFailureAnnounced.class).getGateEvaluationEventId()), WAIT);

            publishWithId(raised, raisedEventId);
            // Applied after the redelivery, which shares its partition: once it shows, the redelivery was handled.
            publish(alertReceivedNow(alertName, "a2-" + alertName, AlertStatus.RESOLVED, Map.of("burn_rate", "20"), "inventory"));
            await().atMost(WAIT).until(() -> given().get("/v1/incidents/" + id).jsonPath().getInt("firingAlerts") == 1);

            assertThat(noticesFor(id, failed)).as("notices of the failed evaluation, one per channel").isEqualTo(1);
        }
    }

    private static Predicate<ConsumerRecord<String, byte[]>> gateOne(GateOutcome outcome) {
        return r -> {
            if (!is(r, GateEvaluated.class)) {
                return false;
            }
            GateEvaluated evaluated = EventCodec.decode(r.value(), GateEvaluated.class);
            return evaluated.getGate() == 1 && evaluated.getOutcome() == outcome;
        };
    }

    private static long noticesFor(String incidentId, String gateEvaluationEventId) {
        return QuarkusTransaction.requiringNew().call(() -> Notification.about(incidentId).stream()
                .filter(n -> gateEvaluationEventId.equals(n.label("gateEvaluationEventId"))).count());
    }
}
