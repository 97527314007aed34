package io.gatehouse.intake.webhook;

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
import io.gatehouse.infra.corpus.Corpus;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.gatehouse.infra.kafka.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class AlertIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aPostedWebhookIsStoredAndNormalizedIntoOneCloudEventPerAlert() throws IOException {
        String alertName = uniqueAlertName();
        String group = "checkout:" + alertName;
        try (TopicReader alerts = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.ALERTS)) {
            given().contentType("application/json").body(fixtureNamed(alertName))
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
    void anUndecodableRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordIsStillNormalized() throws IOException {
        String bootstrap = KafkaBrokerResource.bootstrapServers();
        byte[] garbage = ("not an alert " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String alertName = uniqueAlertName();
        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.ALERTS_INBOUND_DLQ);
             TopicReader alerts = new TopicReader(bootstrap, Topics.ALERTS)) {
            RawRecords.send(bootstrap, Topics.ALERTS_INBOUND, "junk", Map.of(), garbage);
            RecordMetadata good = RawRecords.send(bootstrap, Topics.ALERTS_INBOUND, null, Map.of(), fixtureNamed(alertName));

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
    void everyRealAlertmanagerWebhookOfTheCorpusIsAcceptedAndNormalized() throws IOException {
        Optional<Path> folder = Corpus.folder("alertmanager");
        assumeTrue(folder.isPresent(), () -> Corpus.absent("alertmanager"));
        try (TopicReader alerts = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.ALERTS)) {
            int expected = 0;
            for (Path webhook : Corpus.alertmanagerWebhooks(folder.get())) {
                int count = given().contentType("application/json").body(Files.readAllBytes(webhook))
                        .when().post("/v1/alerts/alertmanager")
                        .then().statusCode(202).extract().path("alerts");
                expected += count;
            }
            // Only the corpus's Alertmanager routes deliver to receivers named *-webhook.
            alerts.await(expected, r -> {
                String receiver = EventCodec.decode(r.value(), AlertReceived.class).getReceiver();
                return receiver != null && receiver.endsWith("-webhook");
            }, WAIT);
        }
    }

    private static String uniqueAlertName() {
        return "CheckoutErrorBudgetBurn" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] fixtureNamed(String alertName) throws IOException {
        try (InputStream in = AlertIntakeTest.class.getResourceAsStream("/fixtures/alertmanager-checkout-firing.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("CheckoutErrorBudgetBurn", alertName).getBytes(StandardCharsets.UTF_8);
        }
    }
}
