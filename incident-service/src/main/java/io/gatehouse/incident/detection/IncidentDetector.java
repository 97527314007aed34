package io.gatehouse.incident.detection;

import io.gatehouse.events.AlertGroups;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.Severity;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.incident.messaging.Outbox;
import io.gatehouse.incident.notification.Notification;
import io.gatehouse.incident.notification.Notifications;
import io.gatehouse.incident.policy.IncidentPolicy;
import io.gatehouse.incident.severity.Classification;
import io.gatehouse.incident.severity.SeverityRules;
import io.gatehouse.incident.severity.SeveritySignals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Phase 1 detection: a firing alert opens an incident or joins the open one of its group; an acknowledged or
 * resolved alert updates the incident it belongs to; a delivery that repeats what is known changes nothing. Every change to
 * an incident's severity is published through the outbox, and announced to the stakeholders the policy routes it to.
 */
@ApplicationScoped
public class IncidentDetector {

    private final Outbox outbox;
    private final Notifications notifications;
    private final IncidentPolicy policy;
    private final SeverityRules rules;

    IncidentDetector(Outbox outbox, Notifications notifications, IncidentPolicy policy) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.policy = policy;
        this.rules = new SeverityRules(policy.severity());
    }

    /** Applies one AlertReceived event, identified by its CloudEvents id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String eventId, AlertReceived alert) {
        // An alert already grouped is found by its id: a PagerDuty resolve or acknowledge may name nothing else.
        Optional<Incident> holding = Incident.findOpenHolding(alert.getAlertId());
        if (alert.getStatus() == AlertStatus.RESOLVED) {
            holding.ifPresent(incident -> resolve(incident, eventId, alert));
            return;
        }
        Optional<Incident> open = holding.or(() -> Incident.findOpen(groupingKeyOf(alert)));
        if (open.isEmpty()) {
            openIncident(eventId, alert);
        } else {
            join(open.get(), eventId, alert);
        }
    }

    /** Alerts of one service with one alert name are one incident: an alert storm opens one incident, not thousands. */
    static String groupingKeyOf(AlertReceived alert) {
        return AlertGroups.keyOf(alert);
    }

    private void openIncident(String eventId, AlertReceived alert) {
        Incident incident = new Incident();
        incident.id = CloudEvent.deriveId("incident", eventId);
        incident.groupingKey = groupingKeyOf(alert);
        incident.service = alert.getService();
        incident.alertName = alert.getAlertName();
        incident.title = titleOf(alert);
        incident.status = IncidentStatus.OPEN;
        incident.openedAt = alert.getReceivedAt();
        incident.updatedAt = alert.getReceivedAt();
        incident.alerts.add(newAlert(incident, eventId, alert));
        Classification classification = classify(incident);
        incident.severity = classification.severity();
        incident.severityRule = classification.rule();
        incident.severityRationale = classification.rationale();
        incident.persist();

        outbox.append(Topics.INCIDENTS, incident.id, IncidentEvents.opened(incident, alert.getAlertId(), eventId), eventId, alert.getReceivedAt());
        outbox.append(Topics.INCIDENTS, incident.id,
                IncidentEvents.classified(incident, classification, signalsOf(incident), null, alert.getReceivedAt()),
                eventId, alert.getReceivedAt());
        notifications.request(incident, Notification.INCIDENT_OPENED, eventId, alert.getReceivedAt());
    }

    private void join(Incident incident, String eventId, AlertReceived alert) {
        Optional<IncidentAlert> known = incident.alert(alert.getAlertId());
        if (known.isPresent() && known.get().status == alert.getStatus() && known.get().startsAt.equals(alert.getStartsAt())) {
            return;
        }
        if (known.isPresent()) {
            IncidentAlert again = known.get();
            again.status = alert.getStatus();
            again.startsAt = alert.getStartsAt();
            again.endsAt = null;
            again.labels = new TreeMap<>(alert.getLabels());
            again.annotations = new TreeMap<>(alert.getAnnotations());
            again.lastEventId = eventId;
            again.lastReceivedAt = alert.getReceivedAt();
        } else {
            incident.alerts.add(newAlert(incident, eventId, alert));
        }
        incident.updatedAt = alert.getReceivedAt();

        Classification classification = classify(incident);
        if (classification.severity() != incident.severity) {
            Severity previous = incident.severity;
            incident.severity = classification.severity();
            incident.severityRule = classification.rule();
            incident.severityRationale = classification.rationale();
            outbox.append(Topics.INCIDENTS, incident.id,
                    IncidentEvents.classified(incident, classification, signalsOf(incident), previous, alert.getReceivedAt()),
                    eventId, alert.getReceivedAt());
            notifications.request(incident, Notification.SEVERITY_CHANGED, eventId, alert.getReceivedAt());
        }
    }

    private static void resolve(Incident incident, String eventId, AlertReceived alert) {
        incident.alert(alert.getAlertId())
                .filter(known -> known.status != AlertStatus.RESOLVED)
                .ifPresent(known -> {
                    known.status = AlertStatus.RESOLVED;
                    known.endsAt = alert.getEndsAt();
                    known.lastEventId = eventId;
                    known.lastReceivedAt = alert.getReceivedAt();
                    incident.updatedAt = alert.getReceivedAt();
                });
    }

    private Classification classify(Incident incident) {
        return rules.classify(signalsOf(incident));
    }

    private SeveritySignals signalsOf(Incident incident) {
        return SeveritySignals.from(
                incident.alerts.stream().map(a -> new SeveritySignals.AlertFacts(a.labels, a.annotations)).toList(),
                policy.profileOf(incident.service));
    }

    private static IncidentAlert newAlert(Incident incident, String eventId, AlertReceived alert) {
        IncidentAlert known = new IncidentAlert();
        known.incident = incident;
        known.alertId = alert.getAlertId();
        known.status = alert.getStatus();
        known.labels = new TreeMap<>(alert.getLabels());
        known.annotations = new TreeMap<>(alert.getAnnotations());
        known.startsAt = alert.getStartsAt();
        known.endsAt = alert.getEndsAt();
        known.lastEventId = eventId;
        known.lastReceivedAt = alert.getReceivedAt();
        return known;
    }

    private static String titleOf(AlertReceived alert) {
        String summary = alert.getAnnotations().get("summary");
        if (summary != null && !summary.isBlank()) {
            return summary;
        }
        return alert.getAlertName() + (alert.getService() == null ? "" : " on " + alert.getService());
    }
}
