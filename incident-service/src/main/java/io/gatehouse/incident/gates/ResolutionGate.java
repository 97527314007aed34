package io.gatehouse.incident.gates;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.incident.gates.SeverityAlignmentGate.NotificationFacts;
import io.gatehouse.incident.policy.IncidentPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gate 4 of protocol 17, resolution and documentation: documentation complete enough (the policy's
 * {@code resolution.minDocumentationCompleteness}, 0.95 by default) and every stakeholder notified of the
 * resolution. No waiver.
 */
public final class ResolutionGate {

    public static final int NUMBER = 4;
    public static final String NAME = "Resolution & documentation";
    /** What the documentation holds. */
    public record Documentation(boolean summaryWritten, boolean sloRestored, boolean alertsCleared, int rootCauseItems, int followUps) {

        Map<String, Boolean> items(int minRootCauseItems) {
            Map<String, Boolean> items = new TreeMap<>();
            items.put("resolution summary written", summaryWritten);
            items.put("SLOs restored", sloRestored);
            items.put("alerts cleared", alertsCleared);
            items.put("at least " + minRootCauseItems + " root-cause evidence items archived", rootCauseItems >= minRootCauseItems);
            items.put("follow-up actions listed", followUps > 0);
            return items;
        }
    }

    private ResolutionGate() {
    }

    public static GateVerdict evaluate(Documentation documentation, List<NotificationFacts> resolutionNotifications,
                                       IncidentPolicy.ClosingThresholds thresholds) {
        Map<String, Boolean> items = documentation.items(thresholds.minRootCauseItems());
        double completeness = items.values().stream().filter(Boolean::booleanValue).count() / (double) items.size();
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("documentationCompleteness", completeness);
        metrics.put("rootCauseEvidenceItems", (double) documentation.rootCauseItems());
        metrics.put("resolutionNotificationsDelivered", (double) resolutionNotifications.stream().filter(NotificationFacts::delivered).count());
        metrics.put("resolutionNotificationsRequired", (double) resolutionNotifications.size());
        Map<String, String> conditions = new TreeMap<>(Map.of("documentationCompleteness", ">= " + thresholds.minDocumentationCompleteness(),
                "resolutionNotificationsDelivered", "= resolutionNotificationsRequired"));
        List<String> unmet = new ArrayList<>();
        if (completeness < thresholds.minDocumentationCompleteness()) {
            items.forEach((item, present) -> {
                if (!present) {
                    unmet.add("documentation lacks: " + item);
                }
            });
        }
        if (resolutionNotifications.isEmpty()) {
            unmet.add("stakeholders were not notified of the resolution");
        }
        for (NotificationFacts notification : resolutionNotifications) {
            if (notification.givenUp()) {
                unmet.add("the resolution notice on " + notification.channel() + " failed: " + notification.lastError());
            } else if (!notification.delivered()) {
                unmet.add("the resolution notice on " + notification.channel() + " is not delivered yet");
            }
        }
        return new GateVerdict(unmet.isEmpty() ? GateOutcome.PASSED : GateOutcome.FAILED, metrics, conditions, List.copyOf(unmet));
    }
}
