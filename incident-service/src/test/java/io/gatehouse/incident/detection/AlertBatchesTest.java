package io.gatehouse.incident.detection;

import static io.gatehouse.incident.TestAlerts.T0;
import static io.gatehouse.incident.TestAlerts.WAIT;
import static io.gatehouse.incident.TestAlerts.alertReceivedAt;
import static io.gatehouse.incident.TestAlerts.awaitIncident;
import static io.gatehouse.incident.TestAlerts.publishTogether;
import static io.gatehouse.incident.TestAlerts.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.HttpStubsResource;
import io.gatehouse.incident.TestAlerts.Published;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * gatehouse.alerts is consumed in batches, one transaction per batch: each event still counts exactly once, and a record
 * that cannot be applied is dead-lettered alone while the records around it are applied.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class AlertBatchesTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aStormOfAlertsIntoOneGroupIsOneIncidentCountingEachAlertOnce() {
        String alertName = unique("CheckoutPodCrashLooping");
        List<Published> storm = new ArrayList<>();
        for (int pod = 0; pod < 300; pod++) {
            storm.add(new Published(alertReceivedAt(alertName, alertName + "-pod-" + pod, AlertStatus.FIRING,
                    Map.of("instance", "pod-" + pod, "region", "r" + pod % 3, "severity", pod == 150 ? "critical" : "warning"), T0),
                    UUID.randomUUID().toString()));
        }

        publishTogether(storm);

        JsonPath incident = awaitIncident("checkout:" + alertName, 300);
        assertThat(incident.getLong("firingAlerts")).isEqualTo(300);
        assertThat(incident.getList("alerts")).hasSize(100);
        assertThat(incident.getString("moreAlerts")).endsWith("/alerts?offset=100&limit=100");
        assertThat(incident.getString("severity")).as("the critical pod raised it").isEqualTo("SEV_1");
        JsonPath lastPage = given().get("/v1/incidents/" + incident.getString("id") + "/alerts?offset=200&limit=100").jsonPath();
        assertThat(lastPage.getList("alerts")).hasSize(100);
        assertThat(lastPage.getString("alerts[99].alertId")).isEqualTo(alertName + "-pod-299");
        assertThat(lastPage.getString("next")).isNull();
    }

    @Test
    void aBatchRedeliveredWholeOrInPartChangesNothing() {
        String alertName = unique("CheckoutHighErrorRate");
        String group = "checkout:" + alertName;
        Published fired = new Published(alertReceivedAt(alertName, "a", AlertStatus.FIRING, Map.of(), T0), UUID.randomUUID().toString());
        Published resolved = new Published(alertReceivedAt(alertName, "a", AlertStatus.RESOLVED, Map.of(), T0.plusSeconds(60)),
                UUID.randomUUID().toString());
        Published firedAgain = new Published(alertReceivedAt(alertName, "a", AlertStatus.FIRING, Map.of(), T0.plusSeconds(120)),
                UUID.randomUUID().toString());
        publishTogether(List.of(fired, resolved, firedAgain));
        await().atMost(WAIT).until(() -> awaitIncident(group, 1).getLong("firingAlerts") == 1 && consumed(firedAgain) == 1);
        String id = awaitIncident(group, 1).getString("id");
        long eventsAbout = eventsAbout(id);

        // The whole batch again, then its resolve among new alerts: applied again, the resolve would clear alert a.
        publishTogether(List.of(fired, resolved, firedAgain));
        Published other = new Published(alertReceivedAt(alertName, "b", AlertStatus.FIRING, Map.of(), T0), UUID.randomUUID().toString());
        publishTogether(List.of(resolved, other, fired));

        JsonPath incident = awaitIncident(group, 2);
        assertThat(incident.getLong("firingAlerts")).as("alert a still fires, b joined").isEqualTo(2);
        assertThat(eventsAbout(id)).as("no event published again").isEqualTo(eventsAbout);
        assertThat(consumed(resolved)).isEqualTo(1);
    }

    @Test
    void aRecordThatCannotBeAppliedInTheMiddleOfABatchIsDeadLetteredAloneAndItsNeighboursAreApplied() {
        String alertName = unique("CheckoutSaturation");
        // Its name is longer than an incident's alert name may be: applying it fails every time while PostgreSQL answers.
        String tooLong = unique("X".repeat(300));
        List<Published> batch = new ArrayList<>();
        for (int pod = 0; pod < 20; pod++) {
            batch.add(new Published(alertReceivedAt(alertName, alertName + "-" + pod, AlertStatus.FIRING, Map.of(), T0),
                    UUID.randomUUID().toString()));
        }
        Published poison = new Published(alertReceivedAt(tooLong, "poison", AlertStatus.FIRING, Map.of(), T0), UUID.randomUUID().toString());
        batch.add(10, poison);

        try (TopicReader deadLetters = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.ALERTS_DLQ)) {
            publishTogether(batch);

            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(1, r -> ("checkout:" + tooLong).equals(r.key()), WAIT);
            assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("applying it failed");
            assertThat(awaitIncident("checkout:" + alertName, 20).getLong("firingAlerts")).isEqualTo(20);
            assertThat(consumed(poison)).isZero();
        }
    }

    private long consumed(Published event) {
        return count("select count(*) from consumed_event where event_id = ?1", event.eventId());
    }

    private long eventsAbout(String incidentId) {
        return count("select count(*) from outbox_event where subject = ?1", incidentId);
    }

    private long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql).setParameter(1, parameter)
                .getSingleResult()).longValue());
    }
}
