package io.gatehouse.incident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.gatehouse.events.RollbackRehearsalAssessed;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Release events as rehearsal-service publishes them on gatehouse.releases, and waiting until incident-service knows them. */
public final class TestReleases {

    /** A release whose rollback rehearsal succeeded well within its RTO, once {@link #awaitRehearsed()} published it. */
    public static final String REHEARSED_RELEASE = "rel-rehearsed";

    private TestReleases() {
    }

    /** Makes sure incident-service knows {@link #REHEARSED_RELEASE}'s successful rollback rehearsal (240 s, RTO 600 s). */
    public static void awaitRehearsed() {
        if (given().get("/v1/rollback-targets/" + REHEARSED_RELEASE).statusCode() == 404) {
            awaitKnown(REHEARSED_RELEASE, publish(rollbackRehearsal(REHEARSED_RELEASE, true, 240, 600)));
        }
    }

    public static RollbackRehearsalAssessed rollbackRehearsal(String release, boolean succeeded, double durationSeconds, double rtoSeconds) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return RollbackRehearsalAssessed.newBuilder().setRelease(release).setService("checkout").setSucceeded(succeeded)
                .setDurationSeconds(durationSeconds).setRtoSeconds(rtoSeconds).setWithinRto(succeeded && durationSeconds <= rtoSeconds)
                .setRehearsalEventId(UUID.randomUUID().toString()).setAssessedAt(now).build();
    }

    /** Publishes a release event on gatehouse.releases, keyed by {@code release}; returns its event id. */
    public static String publish(String release, SpecificRecord event) {
        String eventId = UUID.randomUUID().toString();
        RecordHeaders headers = new RecordHeaders();
        CloudEvent.of(event, eventId, "/gatehouse/rehearsal-service", release, Instant.now().truncatedTo(ChronoUnit.MILLIS)).writeTo(headers);
        RawRecords.send(KafkaBrokerResource.bootstrapServers(), Topics.RELEASES, release, headers, EventCodec.encode(event));
        return eventId;
    }

    public static String publish(RollbackRehearsalAssessed assessed) {
        return publish(assessed.getRelease(), assessed);
    }

    /** Waits until incident-service's read model holds the rollback rehearsal of {@code release} that event {@code eventId} reported. */
    public static void awaitKnown(String release, String eventId) {
        // Asked as a commander would, of the rollback target's own endpoint.
        await().atMost(TestAlerts.WAIT).until(() -> {
            Response answer = given().get("/v1/rollback-targets/" + release);
            return answer.statusCode() == 200 && eventId.equals(answer.jsonPath().getString("eventId"));
        });
    }
}
