package io.gatehouse.intake.normalize;

import static io.gatehouse.intake.AlertFixtures.alertmanagerWebhookNamed;
import static io.gatehouse.intake.AlertFixtures.uniqueAlertName;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.Topics;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.intake.ArtifactsFolderResource;
import io.gatehouse.intake.RawBatches;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * A payload that reads well but whose alert the broker refuses, while the broker answers: its batch cannot be
 * published whole, so the payloads are published one at a time, and only the poisonous one is dead-lettered.
 */
@QuarkusTest
@TestProfile(PoisonousAlertTest.SmallAlertsOnly.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(ArtifactsFolderResource.class)
class PoisonousAlertTest {

    /** AlertReceived records above 16 KiB are refused by the producer (RecordTooLargeException); failures are retried quickly. */
    public static class SmallAlertsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.alerts-out.max.request.size", "16384",
                    "gatehouse.messaging.retry.first-delay", "10ms",
                    "gatehouse.messaging.retry.max-delay", "50ms");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aPayloadWhoseAlertTheBrokerRefusesIsDeadLetteredAloneAndItsNeighboursInTheBatchAreNormalized() {
        String bootstrap = KafkaBrokerResource.bootstrapServers();
        String poisonous = uniqueAlertName();
        byte[] tooLarge = new String(alertmanagerWebhookNamed(poisonous), StandardCharsets.UTF_8)
                .replace("\"users_affected_percent\": \"31\"", "\"users_affected_percent\": \"" + "3".repeat(32 * 1024) + "\"")
                .getBytes(StandardCharsets.UTF_8);
        try (TopicReader deadLetters = new TopicReader(bootstrap, Topics.ALERTS_INBOUND_DLQ);
             TopicReader alerts = new TopicReader(bootstrap, Topics.ALERTS)) {
            List<RecordMetadata> sent = RawBatches.sendTogether(bootstrap, Topics.ALERTS_INBOUND, "poisonous-batch",
                    List.of(alertmanagerWebhookNamed(uniqueAlertName()), tooLarge, alertmanagerWebhookNamed(uniqueAlertName())));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(1, r -> Arrays.equals(r.value(), tooLarge), WAIT).get(0);
            assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("applying it failed 5 times in a row").contains("RecordTooLargeException");
            assertThat(new String(dead.headers().lastHeader("dead-letter-offset").value(), StandardCharsets.UTF_8))
                    .isEqualTo(String.valueOf(sent.get(1).offset()));

            for (int i : List.of(0, 2)) {
                String origin = Topics.ALERTS_INBOUND + "/" + sent.get(i).partition() + "/" + sent.get(i).offset();
                alerts.await(2, r -> EventCodec.decode(r.value(), AlertReceived.class).getInboundRecord().equals(origin), WAIT);
            }
            assertThat(deadLetters.seen()).filteredOn(r -> "poisonous-batch".equals(r.key())).hasSize(1);
        }
    }
}
