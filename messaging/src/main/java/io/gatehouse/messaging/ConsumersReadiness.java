package io.gatehouse.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while any consumer waits for a dependency, naming the channel, since when and what it waits for; UP again once
 * every waiting consumer applied its record. (A channel that failed is reported by SmallRye Reactive Messaging's own
 * checks.)
 */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    private static final String NAME = "Consumers";

    private record Waiting(Instant since, String forWhat) {
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /** The consumer of {@code channel} waits for what {@code forWhat} says; it has done so since its first call. */
    void waiting(String channel, String forWhat) {
        waiting.compute(channel, (c, before) -> new Waiting(before == null ? Instant.now() : before.since(), forWhat));
    }

    /** The consumer of {@code channel} does not wait (any more). */
    void notWaiting(String channel) {
        waiting.remove(channel);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(waiting.isEmpty());
        waiting.forEach((channel, w) -> response.withData(channel, "waiting since " + w.since() + " for " + w.forWhat()));
        return response.build();
    }
}
