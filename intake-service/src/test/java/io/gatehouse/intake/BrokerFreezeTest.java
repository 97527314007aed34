package io.gatehouse.intake;

import static io.gatehouse.intake.AlertFixtures.alertmanagerWebhookNamed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerProcess;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.gatehouse.infra.kafka.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BrokerFreezeTest.ShortBrokerTimeouts.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(ArtifactsFolderResource.class)
class BrokerFreezeTest {

    /** Every acknowledgement, request, session and commit timeout of intake's channels well below {@link #FREEZE}. */
    public static class ShortBrokerTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("gatehouse.intake.store-timeout", "3s");
            config.put("gatehouse.messaging.retry.first-delay", "100ms");
            config.put("gatehouse.messaging.retry.max-delay", "1s");
            config.put("gatehouse.messaging.retry.dependency-timeout", "2s");
            String webhookProducer = "mp.messaging.outgoing.alerts-inbound-out.";
            config.put(webhookProducer + "request.timeout.ms", "1500");
            config.put(webhookProducer + "delivery.timeout.ms", "3000");
            config.put(webhookProducer + "max.block.ms", "3000");
            String alertsProducer = "mp.messaging.outgoing.alerts-out.";
            config.put(alertsProducer + "request.timeout.ms", "2000");
            config.put(alertsProducer + "delivery.timeout.ms", "4000");
            config.put(alertsProducer + "max.block.ms", "3000");
            String resultsProducer = "mp.messaging.outgoing.rehearsals-inbound-out.";
            config.put(resultsProducer + "request.timeout.ms", "1500");
            config.put(resultsProducer + "delivery.timeout.ms", "3000");
            config.put(resultsProducer + "max.block.ms", "3000");
            String rehearsalsProducer = "mp.messaging.outgoing.rehearsals-out.";
            config.put(rehearsalsProducer + "request.timeout.ms", "2000");
            config.put(rehearsalsProducer + "delivery.timeout.ms", "4000");
            config.put(rehearsalsProducer + "max.block.ms", "3000");
            for (String consumer : List.of("mp.messaging.incoming.alerts-inbound-in.", "mp.messaging.incoming.rehearsals-inbound-in.")) {
                config.put(consumer + "session.timeout.ms", "6000");
                config.put(consumer + "heartbeat.interval.ms", "2000");
                config.put(consumer + "request.timeout.ms", "3000");
                config.put(consumer + "default.api.timeout.ms", "5000");
            }
            return config;
        }
    }

    private static final Duration FREEZE = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Posts one webhook after another, each with alerts of a new name, until stopped, and keeps every answer. */
    private static final class SteadySender implements Runnable {

        record Answer(String alertName, int status, String body) {
        }

        private final String baseName;
        private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean stopped;

        SteadySender(String baseName) {
            this.baseName = baseName;
        }

        @Override
        public void run() {
            for (int n = 0; !stopped; n++) {
                String alertName = baseName + "Posted" + n;
                Response response = given().contentType("application/json").body(alertmanagerWebhookNamed(alertName))
                        .post("/v1/alerts/alertmanager");
                answers.add(new Answer(alertName, response.statusCode(), response.body().asString()));
            }
        }

        List<Answer> answers() {
            synchronized (answers) {
                return List.copyOf(answers);
            }
        }

        long acceptedFrom(int index) {
            List<Answer> all = answers();
            return all.subList(index, all.size()).stream().filter(a -> a.status() == 202).count();
        }

        void stop() {
            stopped = true;
        }
    }

    private final String bootstrap = KafkaBrokerResource.bootstrapServers();

    @Test
    void alertsPostedAndPublishedBeforeDuringAndAfterAFreezeOfTheBrokerAllArriveAndIntakeIsReadyAgain() throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerResource.ownBroker().orElse(null);
        assumeTrue(broker != null, "freezing the broker needs the project's own; KAFKA_BOOTSTRAP_SERVERS names another");
        String baseName = "Freeze" + UUID.randomUUID().toString().substring(0, 8);
        SteadySender sender = new SteadySender(baseName);
        ExecutorService background = Executors.newFixedThreadPool(2);
        String release = ResultFixtures.uniqueRelease();
        try (TopicReader alerts = new TopicReader(bootstrap, Topics.ALERTS);
             TopicReader deadLetters = new TopicReader(bootstrap, Topics.ALERTS_INBOUND_DLQ);
             TopicReader rehearsals = new TopicReader(bootstrap, Topics.REHEARSALS);
             TopicReader resultDeadLetters = new TopicReader(bootstrap, Topics.REHEARSALS_INBOUND_DLQ)) {
            publishRaw(baseName + "RawBefore");
            publishRawResult(release, "before");
            postResult(release).then().statusCode(202);
            Future<?> sending = background.submit(sender);
            await().atMost(WAIT).until(() -> sender.acceptedFrom(0) >= 10);

            Future<?> publishedDuringFreeze;
            int answersBeforeFreeze = sender.answers().size();
            broker.freeze();
            try {
                publishedDuringFreeze = background.submit(() -> {
                    publishRaw(baseName + "RawDuring");
                    publishRawResult(release, "during");
                });
                await().atMost(FREEZE).until(() -> readiness().statusCode() == 503);
                JsonPath notStored = JsonPath.from(postResult(release).then().statusCode(503).extract().asString());
                assertThat(notStored.getString("failed")).isEqualTo("storing the result on rehearsals.inbound");
                assertThat(notStored.getString("context")).startsWith("the Kafka broker did not acknowledge the result within PT3S");
                await().during(FREEZE).atMost(FREEZE.plus(WAIT)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> readiness().statusCode() == 503);
            } finally {
                broker.thaw();
            }
            int answersAtThaw = sender.answers().size();
            await().atMost(WAIT).until(() -> sender.acceptedFrom(answersAtThaw) >= 5);
            sender.stop();
            sending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            publishedDuringFreeze.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            publishRaw(baseName + "RawAfter");
            publishRawResult(release, "after");

            List<SteadySender.Answer> answers = sender.answers();
            assertThat(answers).extracting(SteadySender.Answer::status).containsOnly(202, 503);
            List<SteadySender.Answer> refused = answers.subList(answersBeforeFreeze, answersAtThaw).stream()
                    .filter(a -> a.status() == 503).toList();
            assertThat(refused).as("posts while the broker was frozen are refused").isNotEmpty();
            JsonPath report = JsonPath.from(refused.get(0).body());
            assertThat(report.getString("severity")).isEqualTo("CRITICAL");
            assertThat(report.getString("failed")).isEqualTo("storing the alert on alerts.inbound");
            assertThat(report.getString("context")).startsWith("the Kafka broker did not acknowledge the payload within PT3S");
            assertThat(report.getString("resolution")).contains("send it again");
            assertThat(report.getString("impact")).contains("the alert was not accepted");

            // Every accepted post and every raw record yields both of its alerts, whatever the freeze interrupted.
            Set<String> expectedGroups = answers.stream().filter(a -> a.status() == 202).map(a -> "checkout:" + a.alertName())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            List.of("RawBefore", "RawDuring", "RawAfter").forEach(raw -> expectedGroups.add("checkout:" + baseName + raw));
            alerts.awaitUntil(records -> missingGroups(records, expectedGroups).isEmpty(),
                    records -> "alerts missing for " + missingGroups(records, expectedGroups), WAIT);

            // Dead letters are written in order: once this unusable record is there, any earlier one would be.
            byte[] marker = ("not an alert " + baseName).getBytes(StandardCharsets.UTF_8);
            RawRecords.send(bootstrap, Topics.ALERTS_INBOUND, null, Map.of(), marker);
            deadLetters.await(1, r -> new String(r.value(), StandardCharsets.UTF_8).equals(new String(marker, StandardCharsets.UTF_8)), WAIT);
            assertThat(deadLetters.seen().stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(baseName))
                    .map(r -> r.partition() + "/" + r.offset()).distinct()).hasSize(1);

            // Every result stored before, during and after the freeze is published once it is over, and none is dead-lettered.
            rehearsals.awaitUntil(records -> submittersOf(records, release).containsAll(List.of("before", "during", "after", "ci-freeze")),
                    records -> "results published for " + release + ": " + submittersOf(records, release), WAIT);
            byte[] resultMarker = ("not a result " + baseName).getBytes(StandardCharsets.UTF_8);
            RawRecords.send(bootstrap, Topics.REHEARSALS_INBOUND, release, Map.of("gatehouse-release", release, "gatehouse-result", "coverage"), resultMarker);
            resultDeadLetters.await(1, r -> java.util.Arrays.equals(r.value(), resultMarker), WAIT);
            assertThat(resultDeadLetters.seen()).filteredOn(r -> release.equals(r.key())).hasSize(1);

            await().atMost(WAIT).until(() -> readiness().statusCode() == 200);
        } finally {
            broker.thaw();
            sender.stop();
            background.shutdownNow();
        }
    }

    private void publishRaw(String alertName) {
        RawRecords.send(bootstrap, Topics.ALERTS_INBOUND, null, Map.of(), alertmanagerWebhookNamed(alertName));
    }

    /** A coverage report of {@code release}, produced straight onto rehearsals.inbound by {@code submitter}. */
    private void publishRawResult(String release, String submitter) {
        RawRecords.send(bootstrap, Topics.REHEARSALS_INBOUND, release, Map.of("gatehouse-release", release, "gatehouse-result", "coverage",
                "gatehouse-submitted-by", submitter), ResultFixtures.JACOCO.getBytes(StandardCharsets.UTF_8));
    }

    private static Response postResult(String release) {
        return given().header("Authorization", "Bearer " + DevTokensResource.token("ci-freeze", "pipeline"))
                .body(ResultFixtures.JACOCO).post("/v1/releases/" + release + "/coverage");
    }

    private static Set<String> submittersOf(List<ConsumerRecord<String, byte[]>> records, String release) {
        return records.stream().filter(r -> release.equals(r.key()))
                .map(r -> EventCodec.decode(r.value(), RehearsalResultReceived.class).getSubmittedBy()).collect(Collectors.toSet());
    }

    private static Response readiness() {
        return given().get("/q/health/ready");
    }

    /** The groups of {@code expected} for which fewer than both alerts of the webhook arrived (repeats count once). */
    private static Set<String> missingGroups(List<ConsumerRecord<String, byte[]>> records, Set<String> expected) {
        Map<String, Set<String>> eventIds = records.stream().filter(r -> expected.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(r -> CloudEvent.readFrom(r.headers()).id(), Collectors.toSet())));
        return expected.stream().filter(group -> eventIds.getOrDefault(group, Set.of()).size() < 2)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
