package io.gatehouse.incident.query;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.Severity;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.IncidentAlert;
import io.gatehouse.incident.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An incident as the API shows it. An incident may hold a hundred thousand alerts: it counts them ({@code firingAlerts},
 * {@code resolvedAlerts}, {@code totalAlerts}) and embeds the first {@link #EMBEDDED_ALERTS} in their order;
 * {@code moreAlerts} is the link to the next page of them (GET /v1/incidents/{id}/alerts), null when there is none.
 */
public record IncidentView(
        String id,
        String title,
        String service,
        String alertName,
        String groupingKey,
        IncidentStatus status,
        Severity severity,
        String severityRule,
        String severityRationale,
        boolean severityConfirmed,
        Severity proposedSeverity,
        String severityConfirmedBy,
        String closedReason,
        GateOutcome gate1,
        GateOutcome gate4,
        String resolvedBy,
        Instant openedAt,
        Instant updatedAt,
        long firingAlerts,
        List<AlertView> alerts,
        long resolvedAlerts,
        long totalAlerts,
        String moreAlerts) {

    /** How many alerts an incident embeds, and the largest page of them the API gives. */
    public static final int EMBEDDED_ALERTS = 100;

    public record AlertView(String alertId, AlertStatus status, Instant startsAt, Instant endsAt, Map<String, String> labels,
                            Map<String, String> annotations) {

        static AlertView of(IncidentAlert alert) {
            return new AlertView(alert.alertId(), alert.status(), alert.startsAt(), alert.endsAt(), new TreeMap<>(alert.labels()),
                    new TreeMap<>(alert.annotations()));
        }
    }

    static IncidentView of(Incident incident) {
        return new IncidentView(incident.id(), incident.title(), incident.service(), incident.alertName(), incident.groupingKey(),
                incident.status(), incident.severity(), incident.severityRule(), incident.severityRationale(),
                incident.consensusReached(), incident.pendingProposal().orElse(null), incident.severityConfirmedBy(), incident.closedReason(),
                incident.gate1Outcome(), incident.gate4Outcome(), incident.resolvedBy(), incident.openedAt(), incident.updatedAt(),
                incident.firingAlerts(), incident.alerts(0, EMBEDDED_ALERTS).stream().map(AlertView::of).toList(),
                incident.alertCount() - incident.firingAlerts(), incident.alertCount(), pageLink(incident, EMBEDDED_ALERTS, EMBEDDED_ALERTS));
    }

    /** The link to the page of the incident's alerts from {@code offset} on, or null when it holds no more. */
    static String pageLink(Incident incident, int offset, int limit) {
        return offset < incident.alertCount() ? "/v1/incidents/" + incident.id() + "/alerts?offset=" + offset + "&limit=" + limit : null;
    }
}
