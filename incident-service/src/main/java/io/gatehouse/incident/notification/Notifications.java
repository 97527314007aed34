package io.gatehouse.incident.notification;

import io.gatehouse.events.Severity;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.policy.IncidentPolicy;
import io.gatehouse.incident.policy.NotificationPolicy;
import io.gatehouse.messaging.notification.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Calls for stakeholder notifications as the policy routes them. A notification is written in the transaction
 * of the change it announces and delivered afterwards by the shared sender, so none is lost to a crash.
 */
@ApplicationScoped
public class Notifications {

    private final IncidentPolicy policy;

    Notifications(IncidentPolicy policy) {
        this.policy = policy;
    }

    /** One notification per channel the incident's current severity is routed to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(Incident incident, NotificationReason reason, String causeEventId, Instant at) {
        request(incident, reason, incident.severity(), causeEventId, at);
    }

    /** One notification per channel {@code severity} is routed to: a proposal is announced to its own audience. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(Incident incident, NotificationReason reason, Severity severity, String causeEventId, Instant at) {
        NotificationPolicy.Route route = policy.notifications().routeFor(severity);
        for (String channel : route.channels()) {
            Notification.request(CloudEvent.deriveId(causeEventId, "notification", channel), incident.id(), reason.published(),
                    Map.of(StakeholderNotice.SEVERITY, severity.name()), channel, route.audience(), textOf(incident, reason, severity, route), at);
        }
    }

    private static String textOf(Incident incident, NotificationReason reason, Severity severity, NotificationPolicy.Route route) {
        String standing = label(incident.severity());
        String what = switch (reason) {
            case INCIDENT_OPENED -> "Incident opened";
            case SEVERITY_CHANGED -> "Incident severity is now " + standing;
            case SEVERITY_PROPOSED -> "Alerts now suggest " + label(severity) + "; " + standing + " stands until the incident commander confirms";
            case INCIDENT_RESOLVED -> "Incident resolved (" + incident.resolutionSummary() + ")";
        };
        return "[" + label(severity) + "] " + what + ": " + incident.title()
                + "\nService: " + (incident.service() == null ? "unknown" : incident.service()) + " · alert " + incident.alertName()
                + "\nWhy " + standing + ": " + incident.severityRationale()
                + (incident.severityConfirmedBy() == null ? " (proposed, not yet confirmed)" : " (confirmed by " + incident.severityConfirmedBy() + ")")
                + "\nIncident " + incident.id() + " · for " + String.join(", ", route.audience());
    }

    private static String label(Severity severity) {
        return severity.name().replace('_', '-');
    }
}
