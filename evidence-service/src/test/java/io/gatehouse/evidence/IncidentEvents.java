package io.gatehouse.evidence;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Domain events as the services publish them (incident events by default), and waiting until the ledger holds them. */
public final class IncidentEvents {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final Instant OPENED_AT = Instant.parse("2026-11-21T14:00:37.019Z");

    private IncidentEvents() {
    }

    public static IncidentOpened opened(String incidentId) {
        return IncidentOpened.newBuilder()
                .setIncidentId(incidentId)
                .setGroupingKey("checkout:CheckoutHighErrorRate")
                .setService("checkout")
                .setAlertName("CheckoutHighErrorRate")
                .setTitle("Checkout 5xx error rate above threshold")
                .setOpenedAt(OPENED_AT)
                .setOpeningAlertId("7e163a67800d46bf")
                .setOpeningEventId(UUID.randomUUID().toString())
                .build();
    }

    /** New CloudEvents attributes for {@code event} about {@code subject}, as incident-service would set them. */
    public static CloudEvent attributes(SpecificRecord event, String subject, Instant time) {
        return CloudEvent.of(event, UUID.randomUUID().toString(), "/gatehouse/incident-service", subject, time);
    }

    /** Publishes the event on gatehouse.incidents with the given attributes, keyed by their subject. */
    public static void publish(CloudEvent attributes, SpecificRecord event) {
        publish(Topics.INCIDENTS, attributes, event);
    }

    /** Publishes the event on a domain topic with the given attributes, keyed by their subject, as its service would. */
    public static void publish(String topic, CloudEvent attributes, SpecificRecord event) {
        RecordHeaders headers = new RecordHeaders();
        attributes.writeTo(headers);
        RawRecords.send(KafkaBrokerResource.bootstrapServers(), topic, attributes.subject(), headers, EventCodec.encode(event));
    }

    /** Publishes the event about {@code subject} with new attributes. */
    public static void publish(SpecificRecord event, String subject, Instant time) {
        publish(attributes(event, subject, time), event);
    }

    /** Waits until the subject's ledger manifest lists {@code events} events. */
    public static JsonPath awaitManifest(String subject, int events) {
        return await().atMost(WAIT).until(() -> {
            var response = given().get("/v1/evidence/" + subject + "/manifest");
            return response.statusCode() == 200 && response.jsonPath().getInt("eventCount") == events ? response.jsonPath() : null;
        }, Objects::nonNull);
    }
}
