package io.gatehouse.incident.messaging;

import static io.gatehouse.incident.TestAlerts.alertReceivedNow;
import static io.gatehouse.incident.TestAlerts.publish;
import static io.gatehouse.incident.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.Topics;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.incident.HttpStubsResource;
import io.gatehouse.incident.TestEvents;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay is woken by the commit of a transaction that appended to the outbox: with a poll interval of an
 * hour, an incident's events still reach the broker within seconds of the alert that opened it.
 */
@QuarkusTest
@TestProfile(OutboxRelayWakeUpTest.HourlyPolls.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class OutboxRelayWakeUpTest {

    public static class HourlyPolls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.outbox.poll-interval", "1h");
        }
    }

    @Test
    void anEventIsPublishedWhenItsTransactionCommitsWithoutWaitingForThePoll() throws InterruptedException {
        // The scheduler's first cycle runs at start; the alert comes after it.
        Thread.sleep(2000);
        String alertName = unique("CheckoutHighErrorRate");
        try (TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS)) {
            publish(alertReceivedNow(alertName, "a-" + alertName, AlertStatus.FIRING, Map.of(), "checkout"));

            assertThat(incidents.await(1, r -> TestEvents.is(r, IncidentOpened.class)
                    && EventCodec.decode(r.value(), IncidentOpened.class).getAlertName().equals(alertName), Duration.ofSeconds(20))).hasSize(1);
        }
    }
}
