package io.gatehouse.intake.webhook;

import static io.gatehouse.intake.AlertFixtures.alertmanagerWebhookNamed;
import static io.gatehouse.intake.AlertFixtures.uniqueAlertName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.corpus.Corpus;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.intake.ArtifactsFolderResource;
import io.gatehouse.intake.DeclaredBodies;
import io.gatehouse.intake.RawBatches;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(ArtifactsFolderResource.class)
class AlertIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aPostedWebhookIsStoredAndNormalizedIntoOneCloudEventPerAlert() {
        String alertName = uniqueAlertName();
        String group = "checkout:" + alertName;
        try (TopicReader alerts = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.ALERTS)) {
            given().contentType("application/json").body(alertmanagerWebhookNamed(alertName))
                    .when().post("/v1/alerts/alertmanager")
                    .then().statusCode(202).body("alerts", equalTo(2)).body("topic", equalTo("alerts.inbound"));

            List<ConsumerRecord<String, byte[]>> records = alerts.await(2, r -> group.equals(r.key()), WAIT);

            CloudEvent firstEvent = CloudEvent.readFrom(records.get(0).headers());
            assertThat(firstEvent.type()).isEqualTo("io.gatehouse.events.AlertReceived");
            assertThat(firstEvent.source()).isEqualTo("/gatehouse/intake-service");
            assertThat(firstEvent.subject()).isEqualTo(group);
            AlertReceived first = EventCodec.decode(records.get(0).value(), AlertReceived.class);
            AlertReceived second = EventCodec.decode(records.get(1).value(), AlertReceived.class);
            assertThat(first.getStatus()).isEqualTo(AlertStatus.FIRING);
            assertThat(second.getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(first.getInboundRecord()).startsWith("alerts.inbound/").isEqualTo(second.getInboundRecord());
            assertThat(firstEvent.time()).isEqualTo(first.getReceivedAt());
            assertThat(CloudEvent.readFrom(records.get(1).headers()).id()).isNotEqualTo(firstEvent.id());
        }
    }

    @Test
    void aMalformedWebhookIsAnsweredWith400InTheErrorShape() {
        given().contentType("application/json").body("{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\"}]}")
                .when().post("/v1/alerts/alertmanager")
                .then().statusCode(400)
                .body("severity", equalTo("WARNING"))
                .body("failed", equalTo("alertmanager payload"))
                .body("context", containsString("alerts[0] has no alertname label"))
                .body("resolution", containsString("alertname"))
                .body("impact", containsString("nothing in this payload was accepted"));
    }

    @Test
    void aWebhookOverTheSizeLimitIsAnsweredWith413InTheErrorShape() throws IOException {
        String refused = DeclaredBodies.postDeclaringOnly("/v1/alerts/alertmanager", 1024 * 1024 + 1);

        assertThat(refused).startsWith("HTTP/1.1 413 ").containsIgnoringCase("content-type: application/json");
        JsonPath report = JsonPath.from(DeclaredBodies.bodyOf(refused));
        assertThat(report.getString("severity")).isEqualTo("WARNING");
        assertThat(report.getString("failed")).isEqualTo("POST /v1/alerts/alertmanager");
        assertThat(report.getString("context")).isEqualTo("intake-service accepts alert bodies of at most 1048576 bytes; this body is 1048577 bytes");
        assertThat(report.getString("resolution")).contains("send a smaller body").contains("gatehouse.intake.alerts.max-body-size");
        assertThat(report.getString("impact")).contains("nothing of this request was accepted");
    }

    @TestHTTPResource("/v1/alerts/grafana")
    URI grafana;

    @Test
    void aChunkedWebhookOverTheSizeLimitIsAnsweredWith413InTheErrorShapeOnceItPassesTheLimit() throws Exception {
        byte[] oneByteOverTheLimit = new byte[1024 * 1024 + 1];
        // Transfer-Encoding: chunked, so the service learns the body's length only by reading it.
        HttpRequest chunked = HttpRequest.newBuilder(grafana).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oneByteOverTheLimit))).build();

        HttpResponse<String> refused = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(JsonPath.from(refused.body()).getString("context"))
                .isEqualTo("intake-service accepts alert bodies of at most 1048576 bytes; this body is larger than that");
    }

    @Test
    void theWebhooksNeedNoTokenAndAnAuthorizationHeaderOfTheSendersOwnIsNoReasonToRefuse() {
        String alertName = uniqueAlertName();
        try (TopicReader alerts = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.ALERTS)) {
            given().contentType("application/json").header("Authorization", "Bearer alertmanager-receiver-credential")
                    .body(alertmanagerWebhookNamed(alertName)).post("/v1/alerts/alertmanager").then().statusCode(202);
            given().contentType("application/json").header("Authorization", "Basic YWxlcnRtYW5hZ2VyOnNlY3JldA==")
                    .body(alertmanagerWebhookNamed(alertName)).post("/v1/alerts/alertmanager").then().statusCode(202);

            alerts.await(4, r -> ("checkout:" + alertName).equals(r.key()), WAIT);
        }
    }

    @Test
    void anUndecodableRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordIsStillNormalized() {
        String bootstrap = KafkaBrokerResource.bootstrapServers();
        byte[] garbage = ("not an alert " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String alertName = uniqueAlertName();
        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.ALERTS_INBOUND_DLQ);
             TopicReader alerts = new TopicReader(bootstrap, Topics.ALERTS)) {
            RawRecords.send(bootstrap, Topics.ALERTS_INBOUND, "junk", Map.of(), garbage);
            RecordMetadata good = RawRecords.send(bootstrap, Topics.ALERTS_INBOUND, null, Map.of(), alertmanagerWebhookNamed(alertName));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(1, r -> java.util.Arrays.equals(r.value(), garbage), WAIT).get(0);
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).contains("WARNING alert format detection").contains("body is not JSON").contains("Resolution:");
            assertThat(new String(dead.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8)).isEqualTo(Topics.ALERTS_INBOUND);

            List<ConsumerRecord<String, byte[]>> normalized = alerts.await(2, r -> ("checkout:" + alertName).equals(r.key()), WAIT);
            assertThat(EventCodec.decode(normalized.get(0).value(), AlertReceived.class).getInboundRecord())
                    .isEqualTo(Topics.ALERTS_INBOUND + "/" + good.partition() + "/" + good.offset());
        }
    }

    @Test
    void anUndecodableRecordAmidGoodOnesOfOneBatchIsDeadLetteredAloneAndTheGoodOnesAreAllNormalized() {
        String bootstrap = KafkaBrokerResource.bootstrapServers();
        byte[] garbage = ("not an alert " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String before = uniqueAlertName();
        String after = uniqueAlertName();
        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.ALERTS_INBOUND_DLQ);
             TopicReader alerts = new TopicReader(bootstrap, Topics.ALERTS)) {
            // One key, one partition, one flush: the consumer polls the three records together.
            List<RecordMetadata> sent = RawBatches.sendTogether(bootstrap, Topics.ALERTS_INBOUND, "one-batch",
                    List.of(alertmanagerWebhookNamed(before), garbage, alertmanagerWebhookNamed(after)));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(1, r -> java.util.Arrays.equals(r.value(), garbage), WAIT).get(0);
            assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("WARNING alert format detection").contains("body is not JSON");
            assertThat(new String(dead.headers().lastHeader("dead-letter-partition").value(), StandardCharsets.UTF_8))
                    .isEqualTo(String.valueOf(sent.get(1).partition()));
            assertThat(new String(dead.headers().lastHeader("dead-letter-offset").value(), StandardCharsets.UTF_8))
                    .isEqualTo(String.valueOf(sent.get(1).offset()));

            for (String alertName : List.of(before, after)) {
                assertThat(alerts.await(2, r -> ("checkout:" + alertName).equals(r.key()), WAIT))
                        .extracting(r -> EventCodec.decode(r.value(), AlertReceived.class).getStatus())
                        .containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
            }
            assertThat(deadLetters.seen()).filteredOn(r -> "one-batch".equals(r.key())).hasSize(1);
        }
    }

    @Test
    void grafanaPagerDutyAndCloudEventsEachHaveTheirEndpoint() {
        String alertName = uniqueAlertName();
        String grafana = new String(alertmanagerWebhookNamed(alertName), StandardCharsets.UTF_8)
                .replace("\"version\": \"4\"", "\"version\": \"1\", \"orgId\": 1, \"state\": \"alerting\"");
        String pagerDuty = "{\"event_action\":\"trigger\",\"dedup_key\":\"" + alertName + "\",\"payload\":{\"summary\":\"s\","
                + "\"source\":\"checkout-1\",\"severity\":\"error\",\"component\":\"checkout\",\"class\":\"" + alertName + "\"}}";
        String structured = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/monitor\","
                + "\"type\":\"com.example.alert\",\"data\":" + pagerDuty + "}";
        try (TopicReader alerts = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.ALERTS)) {
            given().contentType("application/json").body(grafana).post("/v1/alerts/grafana").then().statusCode(202).body("alerts", equalTo(2));
            given().contentType("application/json").body(pagerDuty).post("/v1/alerts/pagerduty").then().statusCode(202).body("alerts", equalTo(1));
            given().contentType("application/cloudevents+json").body(structured).post("/v1/alerts").then().statusCode(202);
            given().contentType("application/json").header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                    .header("ce-source", "/monitor").header("ce-type", "com.example.alert").body(pagerDuty)
                    .post("/v1/alerts").then().statusCode(202);

            List<ConsumerRecord<String, byte[]>> records = alerts.await(5, r -> ("checkout:" + alertName).equals(r.key()), WAIT);
            assertThat(records).extracting(r -> EventCodec.decode(r.value(), AlertReceived.class).getSource())
                    .containsExactlyInAnyOrder("grafana", "grafana", "pagerduty", "pagerduty", "pagerduty");
        }
    }

    @Test
    void eachEndpointRefusesWhatIsNotItsFormat() {
        given().contentType("application/json").body("{\"evalMatches\":[],\"ruleId\":1,\"ruleName\":\"CPU\"}")
                .post("/v1/alerts/grafana").then().statusCode(400).body("context", containsString("legacy (pre-8)"));
        given().contentType("application/json").body("{\"event_action\":\"resolve\"}")
                .post("/v1/alerts/pagerduty").then().statusCode(400).body("context", containsString("resolve without dedup_key"));
        given().contentType("application/json").body("{\"hello\":\"world\"}")
                .post("/v1/alerts").then().statusCode(400).body("failed", equalTo("cloudevents payload"));
    }

    @Test
    void everyRealAlertPayloadOfTheCorpusIsAcceptedOverHttpAndNormalizedFromKafkaWithoutAFormatHeader() throws IOException {
        Map<Path, String> endpoints = new java.util.TreeMap<>();
        Corpus.folder("alertmanager").ifPresent(folder -> listJson(folder).forEach(f ->
                endpoints.put(f, f.getFileName().toString().contains("-enqueue-") ? "pagerduty" : "alertmanager")));
        Corpus.folder("grafana").ifPresent(folder -> listJson(folder).stream()
                .filter(f -> !f.getFileName().toString().contains("legacy")).forEach(f -> endpoints.put(f, "grafana")));
        Corpus.folder("pagerduty").ifPresent(folder -> endpoints.put(folder.resolve("pd-api-schema-enqueue-trigger.json"), "pagerduty"));
        assumeTrue(!endpoints.isEmpty(), () -> Corpus.absent("alertmanager, grafana and pagerduty"));

        String bootstrap = KafkaBrokerResource.bootstrapServers();
        try (TopicReader alerts = new TopicReader(bootstrap, Topics.ALERTS)) {
            for (Map.Entry<Path, String> payload : endpoints.entrySet()) {
                byte[] body = Files.readAllBytes(payload.getKey());
                int count = given().contentType("application/json").body(body).post("/v1/alerts/" + payload.getValue())
                        .then().statusCode(202).extract().path("alerts");

                RecordMetadata raw = RawRecords.send(bootstrap, Topics.ALERTS_INBOUND, null, Map.of(), body);
                String coordinates = Topics.ALERTS_INBOUND + "/" + raw.partition() + "/" + raw.offset();
                assertThat(alerts.await(count, r -> EventCodec.decode(r.value(), AlertReceived.class).getInboundRecord().equals(coordinates), WAIT))
                        .as(payload.getKey().getFileName().toString())
                        .allSatisfy(r -> assertThat(EventCodec.decode(r.value(), AlertReceived.class).getSource()).isEqualTo(payload.getValue()));
            }
        }
    }

    private static List<Path> listJson(Path folder) {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
