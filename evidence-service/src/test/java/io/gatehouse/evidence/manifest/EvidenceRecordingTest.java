package io.gatehouse.evidence.manifest;

import static io.gatehouse.evidence.IncidentEvents.OPENED_AT;
import static io.gatehouse.evidence.IncidentEvents.WAIT;
import static io.gatehouse.evidence.IncidentEvents.attributes;
import static io.gatehouse.evidence.IncidentEvents.awaitManifest;
import static io.gatehouse.evidence.IncidentEvents.opened;
import static io.gatehouse.evidence.IncidentEvents.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.evidence.log.CanonicalEvent;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
class EvidenceRecordingTest {

    private final String bootstrap = KafkaBrokerResource.bootstrapServers();

    @Inject
    DataSource dataSource;

    @Test
    void everyEventOfASubjectIsRecordedOnceWithItsHashAndTheChainHead() {
        String incidentId = "inc-" + UUID.randomUUID();
        IncidentOpened opened = opened(incidentId);
        CloudEvent first = attributes(opened, incidentId, OPENED_AT);

        publish(first, opened);
        publish(first, opened); // redelivered: same event id
        CloudEvent second = attributes(opened, incidentId, OPENED_AT);
        publish(second, opened);

        JsonPath manifest = awaitManifest(incidentId, 2);
        assertThat(manifest.getString("subject")).isEqualTo(incidentId);
        assertThat(manifest.getList("events.eventId")).containsExactly(first.id(), second.id());
        assertThat(manifest.getString("events[0].type")).isEqualTo("io.gatehouse.events.IncidentOpened");
        assertThat(manifest.getString("events[0].time")).isEqualTo("2026-11-21T14:00:37.019Z");
        assertThat(manifest.getString("events[0].sha256")).isEqualTo(HashChain.sha256(CanonicalEvent.of(first, EventCodec.encode(opened))));
        assertThat(manifest.getString("events[1].sha256")).isEqualTo(HashChain.sha256(CanonicalEvent.of(second, EventCodec.encode(opened))));
        long secondSeq = manifest.getLong("events[1].seq");
        assertThat(manifest.getLong("chainHead.seq")).isGreaterThanOrEqualTo(secondSeq);
        assertThat(manifest.getString("chainHead.entryHash")).hasSize(64);
        given().get("/v1/evidence/ledger/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aRecordThatIsNotAWellFormedEventGoesToTheDeadLetterTopicWithTheReason() {
        String incidentId = "inc-" + UUID.randomUUID();
        IncidentOpened opened = opened(incidentId);
        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.EVIDENCE_DLQ)) {
            RawRecords.send(bootstrap, Topics.INCIDENTS, incidentId, Map.of(), EventCodec.encode(opened));
            CloudEvent wrongType = new CloudEvent(UUID.randomUUID().toString(), "/test", "io.gatehouse.events.SeverityClassified",
                    incidentId, OPENED_AT);
            publish(wrongType, opened);
            publish(attributes(opened, incidentId, OPENED_AT), opened);

            var dead = deadLetters.await(2, r -> incidentId.equals(r.key()), WAIT);
            assertThat(reason(dead.get(0))).contains("CRITICAL event on gatehouse.incidents").contains("missing CloudEvents header ce_specversion");
            assertThat(reason(dead.get(1))).contains("ce_type says io.gatehouse.events.SeverityClassified but the body is io.gatehouse.events.IncidentOpened");
            awaitManifest(incidentId, 1);
        }
    }

    @Test
    void anAlteredEntryIsNamedByTheVerification() throws SQLException {
        String incidentId = "inc-" + UUID.randomUUID();
        IncidentOpened opened = opened(incidentId);
        publish(attributes(opened, incidentId, OPENED_AT), opened);
        long seq = awaitManifest(incidentId, 1).getLong("events[0].seq");

        byte[] original = canonicalOf(seq);
        try {
            setCanonical(seq, "{\"tampered\":true}".getBytes(StandardCharsets.UTF_8));
            given().get("/v1/evidence/ledger/verification").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBadSeq", equalTo((int) seq))
                    .body("problem", equalTo("the event bytes do not match their recorded SHA-256: the event was altered"));
        } finally {
            setCanonical(seq, original);
        }
        given().get("/v1/evidence/ledger/verification").then().body("intact", equalTo(true));
    }

    @Test
    void aSubjectWithNothingRecordedIsA404InTheErrorShape() {
        given().get("/v1/evidence/nothing-here/manifest").then().statusCode(404)
                .body("severity", equalTo("INFO"))
                .body("failed", equalTo("evidence manifest"));
    }

    private static String reason(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    private byte[] canonicalOf(long seq) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select canonical from ledger_entry where seq = ?")) {
            select.setLong(1, seq);
            var result = select.executeQuery();
            result.next();
            return result.getBytes(1);
        }
    }

    private void setCanonical(long seq, byte[] bytes) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update ledger_entry set canonical = ? where seq = ?")) {
            update.setBytes(1, bytes);
            update.setLong(2, seq);
            update.executeUpdate();
        }
    }
}
