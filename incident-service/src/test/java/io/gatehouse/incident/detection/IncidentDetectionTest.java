package io.gatehouse.incident.detection;

import static io.gatehouse.incident.TestAlerts.T0;
import static io.gatehouse.incident.TestAlerts.WAIT;
import static io.gatehouse.incident.TestAlerts.alert;
import static io.gatehouse.incident.TestAlerts.awaitIncident;
import static io.gatehouse.incident.TestAlerts.incidentOf;
import static io.gatehouse.incident.TestAlerts.publish;
import static io.gatehouse.incident.TestAlerts.publishWithId;
import static io.gatehouse.incident.TestAlerts.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.incident.HttpStubsResource;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class IncidentDetectionTest {

    private final String bootstrap = KafkaBrokerResource.bootstrapServers();

    @Test
    void aFiringAlertOpensAClassifiedIncidentAndPublishesBothEventsKeyedByTheIncident() {
        String alertName = unique("CheckoutHighErrorRate");
        try (TopicReader incidents = new TopicReader(bootstrap, Topics.INCIDENTS)) {
            String eventId = publish(alert(alertName, "fp-1", AlertStatus.FIRING, Map.of("severity", "critical")));

            JsonPath incident = awaitIncident("checkout:" + alertName, 1);
            String id = incident.getString("id");
            assertThat(id).isEqualTo(CloudEvent.deriveId("incident", eventId));
            assertThat(incident.getString("severity")).isEqualTo("SEV_1");
            assertThat(incident.getString("severityRule")).isEqualTo("sev1.critical-on-tier1-customer-facing");
            assertThat(incident.getString("title")).isEqualTo("Checkout 5xx error rate above threshold");
            assertThat(incident.getInt("firingAlerts")).isEqualTo(1);

            List<ConsumerRecord<String, byte[]>> events = incidents.await(2, r -> id.equals(r.key()), WAIT);
            IncidentOpened opened = EventCodec.decode(events.get(0).value(), IncidentOpened.class);
            SeverityClassified classified = EventCodec.decode(events.get(1).value(), SeverityClassified.class);
            assertThat(opened.getOpeningEventId()).isEqualTo(eventId);
            assertThat(opened.getOpenedAt()).isEqualTo(T0);
            assertThat(classified.getSeverity()).isEqualTo(Severity.SEV_1);
            assertThat(classified.getPreviousSeverity()).isNull();
            assertThat(classified.getInputs().getCustomerFacing()).isTrue();
            assertThat(classified.getInputs().getServiceTier()).isEqualTo(1);
            CloudEvent attributes = CloudEvent.readFrom(events.get(0).headers());
            assertThat(attributes.subject()).isEqualTo(id);
            assertThat(attributes.source()).isEqualTo("/gatehouse/incident-service");
            assertThat(attributes.time()).isEqualTo(T0);
        }
    }

    @Test
    void anAlertStormIsOneIncidentAndRepeatedDeliveriesChangeNothing() {
        String alertName = unique("InventorySyncStalled");
        String group = "inventory:" + alertName;
        try (TopicReader incidents = new TopicReader(bootstrap, Topics.INCIDENTS)) {
            AlertReceived first = alert(alertName, "fp-a", AlertStatus.FIRING, Map.of("severity", "warning"), "inventory");
            String firstEventId = publish(first);
            for (int worker = 0; worker < 20; worker++) {
                publish(alert(alertName, "fp-worker-" + worker, AlertStatus.FIRING, Map.of("severity", "warning"), "inventory"));
            }
            awaitIncident(group, 21);

            // The same event redelivered, and the same alert delivered again as a new event.
            publishWithId(first, firstEventId);
            publish(first);
            String marker = publish(alert(alertName, "fp-last", AlertStatus.FIRING, Map.of(), "inventory"));

            JsonPath incident = awaitIncident(group, 22);
            assertThat(incident.getList("alerts.findAll { it.alertId == 'fp-a' }")).hasSize(1);
            assertThat(incident.getString("severity")).isEqualTo("SEV_3");
            List<ConsumerRecord<String, byte[]>> events = incidents.await(2, r -> incident.getString("id").equals(r.key()), WAIT);
            assertThat(given().get("/v1/incidents").jsonPath().getList("findAll { it.groupingKey == '" + group + "' }")).hasSize(1);
            assertThat(marker).isNotEqualTo(firstEventId);
            assertThat(incidents.seen().stream().filter(r -> incident.getString("id").equals(r.key()))
                    .map(r -> CloudEvent.readFrom(r.headers()).type()).filter(type -> type.endsWith("Opened") || type.endsWith("Classified")))
                    .as("one IncidentOpened and one SeverityClassified: joining alerts of the same severity change neither")
                    .hasSize(2);
        }
    }

    @Test
    void aResolvedAlertUpdatesItsIncident() {
        String alertName = unique("CheckoutQueueBacklog");
        publish(alert(alertName, "fp-q1", AlertStatus.FIRING, Map.of("severity", "warning")));
        publish(alert(alertName, "fp-q2", AlertStatus.FIRING, Map.of("severity", "warning")));
        awaitIncident("checkout:" + alertName, 2);

        publish(alert(alertName, "fp-q1", AlertStatus.RESOLVED, Map.of("severity", "warning")));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath incident = incidentOf("checkout:" + alertName);
            assertThat(incident.getInt("firingAlerts")).isEqualTo(1);
            assertThat(incident.getString("alerts.find { it.alertId == 'fp-q1' }.status")).isEqualTo("RESOLVED");
            assertThat(incident.getString("alerts.find { it.alertId == 'fp-q1' }.endsAt")).isEqualTo("2026-11-21T14:10:00Z");
        });
    }

    @Test
    void anAcknowledgeOrResolveThatNamesOnlyTheAlertIdFindsTheIncidentHoldingIt() {
        String alertName = unique("CheckoutLatency");
        String dedupKey = "pd-" + UUID.randomUUID();
        publish(alert(alertName, dedupKey, AlertStatus.FIRING, Map.of("severity", "error")));
        String id = awaitIncident("checkout:" + alertName, 1).getString("id");

        // PagerDuty acknowledge and resolve events carry no payload: intake names the alert after its dedup key.
        publish(alert(dedupKey, dedupKey, AlertStatus.ACKNOWLEDGED, Map.of(), null));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath incident = given().get("/v1/incidents/" + id).jsonPath();
            assertThat(incident.getString("alerts[0].status")).isEqualTo("ACKNOWLEDGED");
            assertThat(incident.getInt("firingAlerts")).as("an acknowledged alert still holds").isEqualTo(1);
        });

        publish(alert(dedupKey, dedupKey, AlertStatus.RESOLVED, Map.of(), null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().get("/v1/incidents/" + id).jsonPath().getInt("firingAlerts")).isZero());
        assertThat(given().get("/v1/incidents").jsonPath().getList("findAll { it.alertName == '" + dedupKey + "' }"))
                .as("no incident was opened for the bare dedup key").isEmpty();
    }

    @Test
    void aWorseAlertJoiningTheIncidentRaisesItsSeverityAndSaysFromWhat() {
        String alertName = unique("CheckoutLatencyDegraded");
        try (TopicReader incidents = new TopicReader(bootstrap, Topics.INCIDENTS)) {
            publish(alert(alertName, "fp-l1", AlertStatus.FIRING, Map.of("severity", "warning")));
            String id = awaitIncident("checkout:" + alertName, 1).getString("id");

            publish(alert(alertName, "fp-l2", AlertStatus.FIRING, Map.of("severity", "warning", "slo_burn_rate", "20")));

            List<ConsumerRecord<String, byte[]>> classified = incidents.await(2, r -> id.equals(r.key())
                    && CloudEvent.readFrom(r.headers()).type().equals(SeverityClassified.class.getName()), WAIT);
            SeverityClassified raised = EventCodec.decode(classified.get(1).value(), SeverityClassified.class);
            assertThat(raised.getPreviousSeverity()).isEqualTo(Severity.SEV_2);
            assertThat(raised.getSeverity()).isEqualTo(Severity.SEV_1);
            assertThat(raised.getRule()).isEqualTo("sev1.slo-burn-rate");
            assertThat(raised.getRationale()).isEqualTo("SLO burn rate 20 ≥ 14.4");
            given().get("/v1/incidents/" + id).then().body("severity", equalTo("SEV_1"));
        }
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextAlertIsStillApplied() {
        String alertName = unique("PaymentsDBReplicationLag");
        byte[] garbage = ("garbage-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.ALERTS_DLQ)) {
            RawRecords.send(bootstrap, Topics.ALERTS, "payments-db:" + alertName, Map.of(), garbage);
            publish(alert(alertName, "fp-p1", AlertStatus.FIRING, Map.of("severity", "critical"), "payments-db"));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(1, r -> ("payments-db:" + alertName).equals(r.key()), WAIT).get(0);
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).contains("CRITICAL event on gatehouse.alerts").contains("not an Avro single-object encoded event");
            assertThat(awaitIncident("payments-db:" + alertName, 1).getString("severity")).isEqualTo("SEV_1");
        }
    }

    @Test
    void anUnknownIncidentIsA404InTheErrorShape() {
        given().get("/v1/incidents/no-such-incident").then().statusCode(404)
                .body("severity", equalTo("INFO"))
                .body("failed", equalTo("incident lookup"))
                .body("context", equalTo("no incident has id no-such-incident"));
    }
}
