package io.gatehouse.incident.messaging;

import static io.gatehouse.incident.TestAlerts.WAIT;
import static io.gatehouse.incident.TestAlerts.alertReceivedNow;
import static io.gatehouse.incident.TestAlerts.awaitIncident;
import static io.gatehouse.incident.TestAlerts.publish;
import static io.gatehouse.incident.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.incident.HttpStubsResource;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.gatehouse.messaging.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two outbox relays (instances) never publish at once: the one without the lease publishes nothing. The relay is the
 * shared one (io.gatehouse.messaging.outbox), on incident-service's tables.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class OutboxRelayLeaseTest {

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void releaseTheLease() {
        setLease("", "'epoch'");
    }

    @Test
    void aRelayWithoutTheLeasePublishesNothingAndTakesOverOnceItExpires() {
        await().atMost(WAIT).until(() -> unpublished("%") == 0);
        setLease("another-instance", "now() + interval '10 minutes'");

        String alertName = unique("CheckoutHighErrorRate");
        publish(alertReceivedNow(alertName, "a-" + alertName, AlertStatus.FIRING, Map.of("severity", "critical"), "checkout"));
        String id = awaitIncident("checkout:" + alertName, 1).getString("id");
        relay.publishPending();

        assertThat(unpublished(id)).as("events of %s while another instance holds the lease", id).isGreaterThanOrEqualTo(2);
        setLease("another-instance", "now() - interval '1 second'");
        await().atMost(WAIT).until(() -> unpublished(id) == 0);
    }

    private long unpublished(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_event where published_at is null and subject like ?1").setParameter(1, subject)
                .getSingleResult()).longValue());
    }

    private void setLease(String holder, String expiresAt) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update outbox_relay_lease set holder = ?1, expires_at = " + expiresAt + " where name = 'outbox'")
                .setParameter(1, holder).executeUpdate());
    }
}
