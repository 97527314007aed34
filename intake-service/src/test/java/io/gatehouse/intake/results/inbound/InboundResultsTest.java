package io.gatehouse.intake.results.inbound;

import static io.gatehouse.intake.ResultFixtures.uniqueRelease;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.events.CoverageSummary;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.TestReportSummary;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.intake.ArtifactsFolderResource;
import io.gatehouse.intake.ResultFixtures;
import io.gatehouse.intake.results.HostileXml;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Results produced straight onto rehearsals.inbound, as a pipeline with Kafka access (kcat) would. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(ArtifactsFolderResource.class)
class InboundResultsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String bootstrap = KafkaBrokerResource.bootstrapServers();

    @Test
    void aRawResultWithItsHeadersBecomesATypedEventWhoseIdDerivesFromTheRecordsPosition() {
        String release = uniqueRelease();
        try (TopicReader rehearsals = new TopicReader(bootstrap, Topics.REHEARSALS)) {
            RecordMetadata raw = RawRecords.send(bootstrap, Topics.REHEARSALS_INBOUND, release,
                    Map.of("gatehouse-release", release, "gatehouse-result", "coverage"), utf8(ResultFixtures.JACOCO));

            ConsumerRecord<String, byte[]> record = rehearsals.await(1, r -> release.equals(r.key()), WAIT).get(0);
            RehearsalResultReceived received = EventCodec.decode(record.value(), RehearsalResultReceived.class);
            assertThat(received.getKind()).isEqualTo(RehearsalResultKind.COVERAGE);
            assertThat(received.getSubmittedBy()).as("no submitter header: a Kafka producer").isEqualTo("kafka");
            assertThat(received.getReceivedAt()).isEqualTo(Instant.ofEpochMilli(raw.timestamp()));
            assertThat(((CoverageSummary) received.getSummary()).getRatio()).isEqualTo(0.9);
            // The id is a function of the raw record's position only: a redelivery of it publishes the same id again.
            assertThat(CloudEvent.readFrom(record.headers()).id())
                    .isEqualTo(CloudEvent.deriveId(Topics.REHEARSALS_INBOUND + "/" + raw.partition() + "/" + raw.offset()));
        }
    }

    /** A raw record that can never become an event, and what its dead letter's reason must say. */
    private record BadRecord(String name, Map<String, String> headers, byte[] body, String reason) {
    }

    @Test
    void badRawRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheNextGoodOneIsStillProcessed() throws Exception {
        String release = uniqueRelease();
        HostileXml hostile = HostileXml.withLocalFileIn(Files.createTempDirectory("gatehouse-hostile-"));
        // A dead letter as large as the largest result the topic takes: the dead-letter topic must take it too.
        byte[] largeGarbage = new byte[3 * 1024 * 1024];
        Arrays.fill(largeGarbage, (byte) '<');
        List<BadRecord> bad = List.of(
                new BadRecord("no kind", Map.of("gatehouse-release", release), utf8(ResultFixtures.JACOCO),
                        "WARNING pipeline result payload: the record has no gatehouse-result header"),
                new BadRecord("unknown kind", Map.of("gatehouse-release", release, "gatehouse-result", "benchmark"), utf8("{}"),
                        "names the unknown result \"benchmark\""),
                new BadRecord("unsafe release", Map.of("gatehouse-release", "../" + release, "gatehouse-result", "coverage"),
                        utf8(ResultFixtures.JACOCO.replace("checkout", "unsafe")), "WARNING coverage payload: the release id"),
                new BadRecord("no suite", Map.of("gatehouse-release", release, "gatehouse-result", "test-report"),
                        utf8(ResultFixtures.JUNIT), "the suite is missing"),
                new BadRecord("xxe", Map.of("gatehouse-release", release, "gatehouse-result", "coverage"),
                        hostile.externalEntity("report"), "DTD internal subset"),
                new BadRecord("large garbage", Map.of("gatehouse-release", release, "gatehouse-result", "security-scan"),
                        largeGarbage, "WARNING security-scan payload: the body is not a SARIF log"));

        // Ready means rehearsals.inbound and its dead-letter topic take records as large as intake's largest.
        await().atMost(WAIT).until(() -> given().get("/q/health/ready").statusCode() == 200);
        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.REHEARSALS_INBOUND_DLQ);
             TopicReader rehearsals = new TopicReader(bootstrap, Topics.REHEARSALS);
             KafkaProducer<String, byte[]> producer = largeRecordProducer()) {
            for (BadRecord record : bad) {
                RecordHeaders headers = new RecordHeaders();
                record.headers().forEach((name, value) -> headers.add(name, utf8(value)));
                producer.send(new ProducerRecord<>(Topics.REHEARSALS_INBOUND, null, release, record.body(), headers)).get();
            }
            RawRecords.send(bootstrap, Topics.REHEARSALS_INBOUND, release,
                    Map.of("gatehouse-release", release, "gatehouse-result", "test-report", "gatehouse-suite", "regression",
                            "gatehouse-submitted-by", "nightly-pipeline"), utf8(ResultFixtures.JUNIT));

            for (BadRecord record : bad) {
                ConsumerRecord<String, byte[]> dead = deadLetters.await(1, r -> Arrays.equals(r.value(), record.body())
                        && release.equals(r.key()), WAIT).get(0);
                assertThat(header(dead, "dead-letter-reason")).as(record.name()).contains(record.reason()).contains("Resolution:")
                        .doesNotContain(hostile.marker());
                assertThat(header(dead, "dead-letter-topic")).isEqualTo(Topics.REHEARSALS_INBOUND);
            }
            ConsumerRecord<String, byte[]> good = rehearsals.await(1, r -> release.equals(r.key()), WAIT).get(0);
            RehearsalResultReceived received = EventCodec.decode(good.value(), RehearsalResultReceived.class);
            assertThat(received.getSubmittedBy()).isEqualTo("nightly-pipeline");
            assertThat(((TestReportSummary) received.getSummary()).getSuite()).isEqualTo("regression");
            assertThat(rehearsals.seen()).filteredOn(r -> release.equals(r.key())).hasSize(1);
        }
    }

    /** A producer like a pipeline's that sends results of many megabytes (kcat -X message.max.bytes=...). */
    private KafkaProducer<String, byte[]> largeRecordProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024), new StringSerializer(), new ByteArraySerializer());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
