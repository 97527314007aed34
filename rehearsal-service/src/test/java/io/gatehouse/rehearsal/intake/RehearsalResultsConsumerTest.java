package io.gatehouse.rehearsal.intake;

import static io.gatehouse.rehearsal.TestPipeline.WAIT;
import static io.gatehouse.rehearsal.TestPipeline.aMinuteAgo;
import static io.gatehouse.rehearsal.TestPipeline.awaitRelease;
import static io.gatehouse.rehearsal.TestPipeline.publish;
import static io.gatehouse.rehearsal.TestPipeline.register;
import static io.gatehouse.rehearsal.TestPipeline.unique;
import static io.gatehouse.rehearsal.TestResults.coverage;
import static io.gatehouse.rehearsal.TestResults.result;
import static io.gatehouse.rehearsal.TestResults.tests;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.CoverageSummary;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.gatehouse.rehearsal.WebhookStubResource;
import io.gatehouse.rehearsal.TestPipeline;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The consumer of gatehouse.rehearsals: exactly once, and a dead letter only for what can never be applied. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(WebhookStubResource.class)
class RehearsalResultsConsumerTest {

    private final String bootstrap = KafkaBrokerResource.bootstrapServers();

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextResultIsStillApplied() {
        String release = unique("checkout-4.0.0");
        register(release).then().statusCode(201);
        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.REHEARSALS_DLQ)) {
            RawRecords.send(bootstrap, Topics.REHEARSALS, release, Map.of(), ("garbage-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            publish(coverage(release, 0.91, aMinuteAgo()));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(1, r -> release.equals(r.key()), WAIT).get(0);
            assertThat(reason(dead)).contains("CRITICAL event on gatehouse.rehearsals").contains("not an Avro single-object encoded event");
            awaitRelease(release, r -> r.getList("results").size() == 1);
        }
    }

    @Test
    void aResultWhoseSummaryIsNotOfItsKindCanNeverBeAppliedAndIsDeadLettered() {
        String release = unique("checkout-4.0.1");
        register(release).then().statusCode(201);
        RehearsalResultReceived mislabelled = result(release, RehearsalResultKind.TEST_REPORT, "smoke", aMinuteAgo(),
                CoverageSummary.newBuilder().setFormat("jacoco").setCounter("LINE").setCovered(1).setMissed(0).setRatio(1.0).build());
        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.REHEARSALS_DLQ)) {
            publish(mislabelled);

            ConsumerRecord<String, byte[]> dead = deadLetters.await(1, r -> release.equals(r.key()), WAIT).get(0);
            assertThat(reason(dead)).contains("a TEST_REPORT result needs a TestReportSummary summary, not CoverageSummary");
            assertThat(TestPipeline.release(release).getList("results")).isEmpty();
        }
    }

    @Test
    void aRedeliveredResultIsKeptOnceAndANewerOneOfTheSameSuiteSupersedesTheOlder() {
        String release = unique("checkout-4.0.2");
        register(release).then().statusCode(201);
        Instant at = aMinuteAgo();
        RehearsalResultReceived failing = tests(release, "smoke", 10, 2, at);
        String eventId = UUID.randomUUID().toString();
        RecordHeaders headers = new RecordHeaders();
        CloudEvent.of(failing, eventId, "/gatehouse/intake-service", release, at).writeTo(headers);
        RawRecords.send(bootstrap, Topics.REHEARSALS, release, headers, EventCodec.encode(failing));
        RawRecords.send(bootstrap, Topics.REHEARSALS, release, headers, EventCodec.encode(failing));
        String rerun = publish(tests(release, "smoke", 10, 0, at.plusSeconds(5)));

        JsonPath view = awaitRelease(release, r -> r.getList("results").size() == 2);

        assertThat(view.getList("results.eventId")).containsExactly(eventId, rerun);
        assertThat(view.getString("results[0].supersededBy")).isEqualTo(rerun);
        assertThat(view.getString("results[1].supersededBy")).isNull();
    }

    private static String reason(ConsumerRecord<String, byte[]> dead) {
        return new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }
}
