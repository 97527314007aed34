package io.gatehouse.incident.notification;

import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.incident.detection.Incident;
import io.gatehouse.incident.policy.IncidentPolicy;
import io.gatehouse.incident.policy.NotificationPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Calls for stakeholder notifications as the policy routes them. A notification is written in the transaction
 * of the change it announces and delivered afterwards by {@link NotificationSender}, so none is lost to a crash.
 */
@ApplicationScoped
public class Notifications {

    private final IncidentPolicy policy;

    Notifications(IncidentPolicy policy) {
        this.policy = policy;
    }

    /** One notification per channel the incident's severity is routed to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(Incident incident, String reason, String causeEventId, Instant at) {
        NotificationPolicy.Route route = policy.notifications().routeFor(incident.severity);
        for (String channel : route.channels()) {
            Notification notification = new Notification();
            notification.id = CloudEvent.deriveId(causeEventId, "notification", channel);
            notification.incidentId = incident.id;
            notification.channel = channel;
            notification.audience = String.join(",", route.audience());
            notification.severity = incident.severity;
            notification.reason = reason;
            notification.text = textOf(incident, reason, route);
            notification.requestedAt = at;
            notification.status = NotificationStatus.PENDING;
            notification.attempts = 0;
            notification.nextAttemptAt = at;
            notification.persist();
        }
    }

    private static String textOf(Incident incident, String reason, NotificationPolicy.Route route) {
        String what = switch (reason) {
            case Notification.INCIDENT_OPENED -> "Incident opened";
            case Notification.INCIDENT_RESOLVED -> "Incident resolved (" + incident.resolutionSummary + ")";
            default -> "Incident severity is now " + incident.severity;
        };
        return "[" + incident.severity.name().replace('_', '-') + "] " + what + ": " + incident.title
                + "\nService: " + (incident.service == null ? "unknown" : incident.service) + " · alert " + incident.alertName
                + "\nWhy " + incident.severity.name().replace('_', '-') + ": " + incident.severityRationale
                + (incident.severityConfirmedBy == null ? " (proposed, not yet confirmed)" : " (confirmed by " + incident.severityConfirmedBy + ")")
                + "\nIncident " + incident.id + " · for " + String.join(", ", route.audience());
    }
}
