package io.gatehouse.incident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.gatehouse.events.AlertGroups;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Alerts as intake-service publishes them, and waiting for the incidents they open. */
public final class TestAlerts {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final Instant T0 = Instant.parse("2026-11-21T14:00:36.887Z");

    private TestAlerts() {
    }

    public static String unique(String alertName) {
        return alertName + UUID.randomUUID().toString().substring(0, 8);
    }

    public static AlertReceived alert(String alertName, String alertId, AlertStatus status, Map<String, String> extraLabels) {
        return alert(alertName, alertId, status, extraLabels, "checkout");
    }

    /** An alert of {@code service} (null: an alert naming no service), received at {@link #T0}. */
    public static AlertReceived alert(String alertName, String alertId, AlertStatus status, Map<String, String> extraLabels, String service) {
        return alert(alertName, alertId, status, extraLabels, service, T0, Instant.parse("2026-11-21T14:10:00Z"));
    }

    /** An alert received now: for what is timed against the wall clock, such as notification latency. */
    public static AlertReceived alertReceivedNow(String alertName, String alertId, AlertStatus status, Map<String, String> extraLabels,
                                                 String service) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return alert(alertName, alertId, status, extraLabels, service, now, now);
    }

    /** An alert received at {@code receivedAt}, which started two seconds before: a later one is the alert firing again. */
    public static AlertReceived alertReceivedAt(String alertName, String alertId, AlertStatus status, Map<String, String> extraLabels,
                                                Instant receivedAt) {
        return alert(alertName, alertId, status, extraLabels, "checkout", receivedAt, receivedAt);
    }

    /** @param endsAt when a resolved alert ended */
    private static AlertReceived alert(String alertName, String alertId, AlertStatus status, Map<String, String> extraLabels, String service,
                                       Instant receivedAt, Instant endsAt) {
        Map<String, String> labels = new HashMap<>(extraLabels);
        labels.put("alertname", alertName);
        if (service != null) {
            labels.put("service", service);
        }
        return AlertReceived.newBuilder()
                .setAlertId(alertId)
                .setSource("alertmanager")
                .setStatus(status)
                .setAlertName(alertName)
                .setService(service)
                .setLabels(labels)
                .setAnnotations(Map.of("summary", "Checkout 5xx error rate above threshold"))
                .setStartsAt(receivedAt.minusSeconds(2))
                .setEndsAt(status == AlertStatus.RESOLVED ? endsAt : null)
                .setFingerprint(alertId)
                .setReceivedAt(receivedAt)
                .setInboundRecord("alerts.inbound/0/0")
                .build();
    }

    /** Publishes the alert on gatehouse.alerts as a new event; returns the event id. */
    public static String publish(AlertReceived alert) {
        return publishWithId(alert, UUID.randomUUID().toString());
    }

    public static String publishWithId(AlertReceived alert, String eventId) {
        String group = AlertGroups.keyOf(alert);
        RecordHeaders headers = new RecordHeaders();
        CloudEvent.of(alert, eventId, "/test", group, alert.getReceivedAt()).writeTo(headers);
        RawRecords.send(KafkaBrokerResource.bootstrapServers(), Topics.ALERTS, group, headers, EventCodec.encode(alert));
        return eventId;
    }

    /** An alert event as it is published: the alert and its CloudEvents id. */
    public record Published(AlertReceived alert, String eventId) {
    }

    /**
     * Publishes the events in their order with one producer that sends them all before waiting, so that the consumer
     * takes them as one batch (or a few, when a poll ends in the middle).
     */
    public static void publishTogether(List<Published> events) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, "50"),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Published event : events) {
                String group = AlertGroups.keyOf(event.alert());
                RecordHeaders headers = new RecordHeaders();
                CloudEvent.of(event.alert(), event.eventId(), "/test", group, event.alert().getReceivedAt()).writeTo(headers);
                sent.add(producer.send(new ProducerRecord<>(Topics.ALERTS, null, group, EventCodec.encode(event.alert()), headers)));
            }
            for (Future<RecordMetadata> send : sent) {
                send.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + Topics.ALERTS, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to " + Topics.ALERTS, e);
        }
    }

    /** The one incident of a group, as GET /v1/incidents/{id} shows it; fails when there is not exactly one. */
    public static JsonPath incidentOf(String groupingKey) {
        List<Map<String, Object>> matching = given().get("/v1/incidents").jsonPath().getList("findAll { it.groupingKey == '" + groupingKey + "' }");
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " incidents for " + groupingKey);
        }
        return given().get("/v1/incidents/" + matching.get(0).get("id")).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the group's incident holds {@code alerts} alerts. */
    public static JsonPath awaitIncident(String groupingKey, int alerts) {
        return await().atMost(WAIT).until(() -> {
            try {
                JsonPath incident = incidentOf(groupingKey);
                return incident.getLong("totalAlerts") == alerts ? incident : null;
            } catch (AssertionError notYet) {
                return null;
            }
        }, Objects::nonNull);
    }
}
