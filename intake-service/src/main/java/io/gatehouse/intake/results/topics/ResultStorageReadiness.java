package io.gatehouse.intake.results.topics;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN until rehearsals.inbound and its dead-letter topic accept the largest result: results posted meanwhile are
 * answered 503. Asking is what sets the limit on a fresh broker, so a stack that waits for readiness has it set.
 */
@Readiness
@ApplicationScoped
public class ResultStorageReadiness implements HealthCheck {

    private final InboundTopicLimits limits;
    private final Duration storeTimeout;

    ResultStorageReadiness(InboundTopicLimits limits, @ConfigProperty(name = "gatehouse.intake.store-timeout") Duration storeTimeout) {
        this.limits = limits;
        this.storeTimeout = storeTimeout;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> unavailability = limits.unavailability(storeTimeout);
        return HealthCheckResponse.named("Result storage")
                .status(unavailability.isEmpty())
                .withData("rehearsals.inbound", unavailability.orElse("takes records of up to " + limits.requiredBytes() + " bytes"))
                .build();
    }
}
