package io.gatehouse.incident.policy;

import io.gatehouse.events.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Whom an incident concerns, per severity, and how fast they must know (gate 1).
 *
 * @param maxLatency the longest a notification may take from the classification that called for it
 */
public record NotificationPolicy(Duration maxLatency, Map<Severity, Route> routes) {

    /** The channels a severity is announced on, and the roles they reach. */
    public record Route(List<String> channels, List<String> audience) {
    }

    public Route routeFor(Severity severity) {
        return routes.get(severity);
    }
}
