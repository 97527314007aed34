package io.gatehouse.incident.gates;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gate 1 of protocol 17, severity alignment: consensus is reached (the incident commander confirmed the severity, and no
 * classification has proposed another since) and the audience of the settled severity was notified within the
 * policy's latency. No waiver.
 */
public final class SeverityAlignmentGate {

    public static final int NUMBER = 1;
    public static final String NAME = "Severity alignment";

    /** How one of the incident's opening notifications ended, if it has. */
    public record NotificationFacts(String channel, List<String> audience, boolean delivered, boolean givenUp, Duration latency, String lastError) {
    }

    private SeverityAlignmentGate() {
    }

    /**
     * @param pendingProposal a severity proposed since the incident commander settled it, awaiting consensus again; or null
     * @param openingNotifications the notifications announcing the severity that stands
     */
    public static GateVerdict evaluate(boolean consensusReached, Severity pendingProposal, List<NotificationFacts> openingNotifications,
                                       Duration maxLatency) {
        Map<String, Double> metrics = new TreeMap<>();
        Map<String, String> thresholds = new TreeMap<>();
        List<String> unmet = new ArrayList<>();

        metrics.put("consensusReached", consensusReached ? 1.0 : 0.0);
        thresholds.put("consensusReached", "= 1");
        if (pendingProposal != null) {
            unmet.add("alerts now suggest " + pendingProposal + " since the severity was settled: the incident commander must confirm again");
        } else if (!consensusReached) {
            unmet.add("the incident commander has not confirmed the severity");
        }

        long delivered = openingNotifications.stream().filter(NotificationFacts::delivered).count();
        metrics.put("notificationsDelivered", (double) delivered);
        metrics.put("notificationsRequired", (double) openingNotifications.size());
        metrics.put("stakeholdersNotified", (double) openingNotifications.stream().filter(NotificationFacts::delivered)
                .flatMap(n -> n.audience().stream()).distinct().count());
        thresholds.put("notificationsDelivered", "= notificationsRequired");
        thresholds.put("notificationLatencySeconds", "<= " + maxLatency.toSeconds());
        openingNotifications.stream().filter(NotificationFacts::delivered).map(NotificationFacts::latency).max(Duration::compareTo)
                .ifPresent(slowest -> {
                    metrics.put("notificationLatencySeconds", slowest.toMillis() / 1000.0);
                    if (slowest.compareTo(maxLatency) > 0) {
                        unmet.add("stakeholders were told after " + slowest.toSeconds() + " s, more than " + maxLatency.toSeconds() + " s");
                    }
                });
        if (openingNotifications.isEmpty()) {
            unmet.add("no stakeholder notification was called for");
        }
        for (NotificationFacts notification : openingNotifications) {
            if (notification.givenUp()) {
                unmet.add("the notification on " + notification.channel() + " failed: " + notification.lastError());
            } else if (!notification.delivered()) {
                unmet.add("the notification on " + notification.channel() + " is not delivered yet");
            }
        }
        return new GateVerdict(unmet.isEmpty() ? GateOutcome.PASSED : GateOutcome.FAILED, metrics, thresholds, List.copyOf(unmet));
    }
}
