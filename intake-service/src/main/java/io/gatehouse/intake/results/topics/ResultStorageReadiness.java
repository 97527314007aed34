package io.gatehouse.intake.results.topics;

import jakarta.enterprise.context.ApplicationScoped;
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

    ResultStorageReadiness(InboundTopicLimits limits) {
        this.limits = limits;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            limits.ensure();
            return HealthCheckResponse.named("Result storage").up()
                    .withData("rehearsals.inbound", "accepts results of up to " + limits.requiredBytes() + " bytes").build();
        } catch (InboundTopicLimits.NotSet notSet) {
            return HealthCheckResponse.named("Result storage").down().withData("rehearsals.inbound", notSet.getMessage()).build();
        }
    }
}
