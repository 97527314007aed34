package io.gatehouse.intake.webhook;

import io.gatehouse.messaging.KafkaBroker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while the Kafka broker does not answer: the webhooks cannot store alerts then, and answer 503. */
@Readiness
@ApplicationScoped
public class AlertStorageReadiness implements HealthCheck {

    private final KafkaBroker broker;
    private final Duration storeTimeout;

    AlertStorageReadiness(KafkaBroker broker, @ConfigProperty(name = "gatehouse.intake.store-timeout") Duration storeTimeout) {
        this.broker = broker;
        this.storeTimeout = storeTimeout;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> unavailability = broker.unavailability(storeTimeout);
        return HealthCheckResponse.named("Alert storage")
                .status(unavailability.isEmpty())
                .withData("alerts.inbound", unavailability.map(why -> broker.name() + " does not answer: " + why).orElse("stored on " + broker.name()))
                .build();
    }
}
