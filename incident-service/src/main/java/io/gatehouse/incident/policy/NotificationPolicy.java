package io.gatehouse.incident.policy;

import io.gatehouse.events.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Whom an incident concerns, per severity, and how fast they must know (gate 1); and whom a failed gate concerns.
 *
 * @param maxLatency the longest a notification may take from the classification that called for it
 * @param gateFailures per gate (1 to 4), where its failure is announced and to which roles
 */
public record NotificationPolicy(Duration maxLatency, Map<Severity, Route> routes, Map<Integer, Route> gateFailures) {

    /** The channels a severity is announced on, and the roles they reach. */
    public record Route(List<String> channels, List<String> audience) {
    }

    public Route routeFor(Severity severity) {
        return routes.get(severity);
    }

    /** Where the failure of {@code gate} is announced. */
    public Route gateFailureRouteFor(int gate) {
        return gateFailures.get(gate);
    }
}
