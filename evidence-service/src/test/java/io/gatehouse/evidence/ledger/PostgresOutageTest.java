package io.gatehouse.evidence.ledger;

import static io.gatehouse.evidence.IncidentEvents.OPENED_AT;
import static io.gatehouse.evidence.IncidentEvents.attributes;
import static io.gatehouse.evidence.IncidentEvents.WAIT;
import static io.gatehouse.evidence.IncidentEvents.awaitManifest;
import static io.gatehouse.evidence.IncidentEvents.opened;
import static io.gatehouse.evidence.IncidentEvents.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
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
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PostgresOutageTest.ShortPauses.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
class PostgresOutageTest {

    /** Attempts come every half second at most, and three failures while PostgreSQL answers would dead-letter a record. */
    public static class ShortPauses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.messaging.retry.first-delay", "100ms",
                    "gatehouse.messaging.retry.max-delay", "500ms",
                    "gatehouse.messaging.retry.attempts-while-dependencies-answer", "3");
        }
    }

    /** Long enough for dozens of attempts at the pauses above, many more than a record may fail while PostgreSQL answers. */
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final int PUBLISHED_DURING_OUTAGE = 5;

    private final String bootstrap = KafkaBrokerResource.bootstrapServers();

    @Test
    void eventsPublishedWhilePostgresqlIsStoppedAreAllRecordedOnceItIsBackAndNoneIsDeadLettered() {
        RestartablePostgres postgres = SharedPostgres.embedded().orElse(null);
        assumeTrue(postgres != null, "stopping PostgreSQL needs the embedded one; GATEHOUSE_DB_URL names another server");
        String incidentId = "inc-" + UUID.randomUUID();
        IncidentOpened opened = opened(incidentId);
        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.EVIDENCE_DLQ)) {
            publish(opened, incidentId, OPENED_AT);
            awaitManifest(incidentId, 1);

            postgres.stop();
            try {
                for (int i = 0; i < PUBLISHED_DURING_OUTAGE; i++) {
                    publish(opened, incidentId, OPENED_AT);
                }
                await().atMost(WAIT).until(() -> consumerWaitsFor("PostgreSQL"));
                await().during(OUTAGE).atMost(OUTAGE.plus(WAIT)).pollInterval(Duration.ofMillis(500))
                        .until(() -> consumerWaitsFor("PostgreSQL"));
            } finally {
                postgres.start();
            }
            publish(opened, incidentId, OPENED_AT);

            awaitManifest(incidentId, 1 + PUBLISHED_DURING_OUTAGE + 1);
            await().atMost(WAIT).until(() -> given().get("/q/health/ready").statusCode() == 200);
            given().get("/v1/evidence/ledger/verification").then().statusCode(200).body("intact", equalTo(true));

            // The consumer dead-letters in order: once this unusable record is there, any earlier dead letter would be.
            RawRecords.send(bootstrap, Topics.INCIDENTS, incidentId, Map.of(), EventCodec.encode(opened));
            deadLetters.await(1, r -> incidentId.equals(r.key()) && reason(r.headers().lastHeader("dead-letter-reason").value())
                    .contains("missing CloudEvents header"), WAIT);
            assertThat(deadLetters.seen()).filteredOn(r -> incidentId.equals(r.key())).hasSize(1);
        }
    }

    @Test
    void anEventPostgresqlRejectsIsDeadLetteredAloneAndTheRestOfItsBatchIsRecorded() {
        String incidentId = "inc-" + UUID.randomUUID();
        IncidentOpened opened = opened(incidentId);
        CloudEvent before = attributes(opened, incidentId, OPENED_AT);
        // Well-formed, but its id is longer than the ledger stores: PostgreSQL refuses the entry, however often it is tried.
        CloudEvent tooLongAnId = new CloudEvent("x".repeat(65), "/gatehouse/incident-service", before.type(), incidentId, OPENED_AT);
        CloudEvent after = attributes(opened, incidentId, OPENED_AT);
        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.EVIDENCE_DLQ)) {
            publishTogether(opened, before, tooLongAnId, after);

            var dead = deadLetters.await(1, r -> incidentId.equals(r.key()), WAIT);
            assertThat(new String(dead.get(0).headers().lastHeader(CloudEvent.ID).value(), StandardCharsets.UTF_8)).isEqualTo(tooLongAnId.id());
            assertThat(awaitManifest(incidentId, 2).getList("events.eventId")).containsExactly(before.id(), after.id());
            assertThat(deadLetters.seen()).filteredOn(r -> incidentId.equals(r.key())).hasSize(1);
        }
    }

    /** Publishes the events in one go, so that the consumer most likely takes them in one batch. */
    private void publishTogether(IncidentOpened event, CloudEvent... attributes) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 50), new StringSerializer(), new ByteArraySerializer())) {
            for (CloudEvent attribute : attributes) {
                RecordHeaders headers = new RecordHeaders();
                attribute.writeTo(headers);
                producer.send(new ProducerRecord<>(Topics.INCIDENTS, null, attribute.subject(), EventCodec.encode(event), headers));
            }
            producer.flush();
        }
    }

    /** Whether readiness says the ledger's consumer waits for {@code dependency}. */
    private static boolean consumerWaitsFor(String dependency) {
        String waiting = given().get("/q/health/ready").jsonPath()
                .getString("checks.find { it.name == 'Consumers' }.data.'" + EventRecorder.CHANNEL + "'");
        return waiting != null && waiting.contains(dependency);
    }

    private static String reason(byte[] header) {
        return new String(header, StandardCharsets.UTF_8);
    }
}
