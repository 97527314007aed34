package io.gatehouse.evidence.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a test of speed: an alert storm of {@code gatehouse.storm.alerts} (20,000) AlertReceived
 * produced onto gatehouse.alerts at once, and the ledger's appends per second until it holds them all. It asserts only
 * what must hold at any speed (every alert recorded exactly once, the chain and the tree intact) and prints the rate.
 * Run it on its own: {@code ./mvnw -o -B verify -pl evidence-service -Dtest=AlertStormThroughput -Dgatehouse.storm=true}.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@EnabledIfSystemProperty(named = "gatehouse.storm", matches = "true")
class AlertStormThroughput {

    private static final int ALERTS = Integer.getInteger("gatehouse.storm.alerts", 20_000);
    private static final int GROUPS = 1_000;

    @Inject
    DataSource dataSource;

    @Test
    void theLedgerRecordsEveryAlertOfAStormOnce() throws SQLException {
        String run = UUID.randomUUID().toString();
        long before = countEntries("%");
        Instant firstAt = Instant.parse("2026-12-01T06:00:00Z");

        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int n = 0; n < ALERTS; n++) {
                String service = "service-" + (n % GROUPS);
                String group = run + "/" + service + "/HighErrorRate";
                Instant at = firstAt.plusMillis(n);
                AlertReceived alert = AlertReceived.newBuilder().setAlertId(String.format(Locale.ROOT, "%016x", n))
                        .setSource("alertmanager").setStatus(AlertStatus.FIRING).setAlertName("HighErrorRate").setService(service)
                        .setLabels(Map.of("alertname", "HighErrorRate", "service", service, "instance", "pod-" + n))
                        .setAnnotations(Map.of("summary", "5xx above 2 % for 5 minutes")).setStartsAt(at).setReceivedAt(at)
                        .setInboundRecord("alerts.inbound/0@" + n).build();
                CloudEvent attributes = CloudEvent.of(alert, UUID.randomUUID().toString(), "/gatehouse/intake-service", group, at);
                RecordHeaders headers = new RecordHeaders();
                attributes.writeTo(headers);
                producer.send(new ProducerRecord<>(Topics.ALERTS, null, group, EventCodec.encode(alert), headers));
            }
            producer.flush();
        }
        double producedSeconds = (System.nanoTime() - started) / 1e9;

        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> countEntries(run + "/%") >= ALERTS);
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf(Locale.ROOT, "alert storm: %d alerts produced in %.1f s, all in the ledger after %.1f s: %.0f entries/s%n",
                ALERTS, producedSeconds, seconds, ALERTS / seconds);
        assertThat(countEntries(run + "/%")).isEqualTo(ALERTS);
        assertThat(countEntries("%")).isEqualTo(before + ALERTS);
        given().get("/v1/evidence/ledger/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    private long countEntries(String subjects) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from ledger_entry where subject like ?")) {
            count.setString(1, subjects);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
