package io.gatehouse.incident.detection;

import io.gatehouse.events.AlertGroups;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.Severity;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.incident.GroupedAlerts;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.IncidentStatus;
import io.gatehouse.incident.gates.IncidentGates;
import io.gatehouse.incident.notification.NotificationReason;
import io.gatehouse.incident.notification.Notifications;
import io.gatehouse.incident.policy.IncidentPolicy;
import io.gatehouse.incident.severity.Classification;
import io.gatehouse.incident.severity.SeverityRules;
import io.gatehouse.incident.severity.SeveritySignals;
import io.gatehouse.messaging.outbox.IncomingEvent;
import io.gatehouse.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Phase 1 detection: a firing alert opens an incident or joins the open one of its group; an acknowledged or
 * resolved alert updates the incident it belongs to; a delivery that repeats what is known changes nothing. Every
 * classification that changes something is published through the outbox and announced to the stakeholders the policy
 * routes it to; after the incident commander settled the severity, it is only a proposal and consensus is asked again.
 *
 * <p>The events of a batch are applied in one unit of work: the incidents they touch are found and locked with a few
 * set-based queries, then each event is applied in its order exactly as it would be alone, so a batch publishes the same
 * events as its records one at a time would.
 */
@ApplicationScoped
public class IncidentDetector {

    private final Outbox outbox;
    private final Notifications notifications;
    private final IncidentGates gates;
    private final IncidentPolicy policy;
    private final SeverityRules rules;

    IncidentDetector(Outbox outbox, Notifications notifications, IncidentGates gates, IncidentPolicy policy) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.gates = gates;
        this.policy = policy;
        this.rules = new SeverityRules(policy.severity());
    }

    /** The incidents a unit of work touches, locked, and their alerts that its events name. */
    private static final class Touched {
        final Map<String, Incident> holding = new HashMap<>();
        final Map<String, Incident> openOfGroup = new HashMap<>();
        final GroupedAlerts alerts;

        Touched(List<AlertReceived> alerts) {
            Set<String> alertIds = alerts.stream().map(AlertReceived::getAlertId).collect(Collectors.toSet());
            Set<String> groups = alerts.stream().filter(a -> a.getStatus() != AlertStatus.RESOLVED).map(IncidentDetector::groupingKeyOf)
                    .collect(Collectors.toSet());
            Map<String, String> holdingIds = Incident.openHolding(alertIds);
            Set<String> ids = new TreeSet<>(holdingIds.values());
            ids.addAll(Incident.openOfGroups(groups));
            Map<String, Incident> locked = Incident.lockAll(ids);
            // Locked, each incident is as last committed: one closed meanwhile takes no more alerts.
            holdingIds.forEach((alertId, id) -> Optional.ofNullable(locked.get(id)).filter(IncidentDetector::isOpen)
                    .ifPresent(incident -> holding.put(alertId, incident)));
            locked.values().stream().filter(IncidentDetector::isOpen).forEach(incident -> openOfGroup.put(incident.groupingKey(), incident));
            this.alerts = GroupedAlerts.of(locked.values(), alertIds);
        }
    }

    /**
     * Applies AlertReceived events, each identified by its CloudEvents id, in their order; the incidents they touch are
     * locked first, in the order of their ids.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<IncomingEvent<AlertReceived>> events) {
        Touched touched = new Touched(events.stream().map(IncomingEvent::value).toList());
        events.forEach(event -> apply(event.id(), event.value(), touched));
    }

    private void apply(String eventId, AlertReceived alert, Touched touched) {
        // An alert already grouped is found by its id: a PagerDuty resolve or acknowledge may name nothing else.
        Optional<Incident> holding = Optional.ofNullable(touched.holding.get(alert.getAlertId()));
        if (alert.getStatus() == AlertStatus.RESOLVED) {
            holding.ifPresent(incident -> incident.clearAlert(eventId, alert, touched.alerts));
            return;
        }
        Optional<Incident> open = holding.or(() -> Optional.ofNullable(touched.openOfGroup.get(groupingKeyOf(alert))));
        if (open.isEmpty()) {
            Incident opened = openIncident(eventId, alert, touched.alerts);
            touched.openOfGroup.put(opened.groupingKey(), opened);
            touched.holding.put(alert.getAlertId(), opened);
        } else if (open.get().recordAlert(eventId, alert, touched.alerts)) {
            touched.holding.put(alert.getAlertId(), open.get());
            reclassify(open.get(), eventId, alert);
        }
    }

    private static boolean isOpen(Incident incident) {
        return incident.status() == IncidentStatus.OPEN;
    }

    /** Alerts of one service with one alert name are one incident: an alert storm opens one incident, not thousands. */
    static String groupingKeyOf(AlertReceived alert) {
        return AlertGroups.keyOf(alert);
    }

    private Incident openIncident(String eventId, AlertReceived alert, GroupedAlerts grouped) {
        SeveritySignals signals = SeveritySignals.from(List.of(new SeveritySignals.AlertFacts(alert.getLabels(), alert.getAnnotations())),
                policy.profileOf(alert.getService()));
        Classification classification = rules.classify(signals);
        Incident incident = Incident.open(CloudEvent.deriveId("incident", eventId), groupingKeyOf(alert), titleOf(alert), eventId, alert,
                classification, grouped);
        outbox.append(Topics.INCIDENTS, incident.id(), IncidentEvents.opened(incident, alert.getAlertId(), eventId), eventId, alert.getReceivedAt());
        outbox.append(Topics.INCIDENTS, incident.id(),
                IncidentEvents.classified(incident.id(), classification, signals, null, null, alert.getReceivedAt()),
                eventId, alert.getReceivedAt());
        notifications.request(incident, NotificationReason.INCIDENT_OPENED, eventId, alert.getReceivedAt());
        return incident;
    }

    private void reclassify(Incident incident, String eventId, AlertReceived alert) {
        Severity before = incident.severity();
        SeveritySignals signals = signalsOf(incident);
        Classification classification = rules.classify(signals);
        switch (incident.reclassify(classification)) {
            case UNCHANGED -> {
            }
            case CHANGED -> {
                outbox.append(Topics.INCIDENTS, incident.id(),
                        IncidentEvents.classified(incident.id(), classification, signals, before, null, alert.getReceivedAt()),
                        eventId, alert.getReceivedAt());
                notifications.request(incident, NotificationReason.SEVERITY_CHANGED, eventId, alert.getReceivedAt());
            }
            case PROPOSED -> {
                String proposal = announceProposal(incident, classification, signals, before, eventId, alert);
                notifications.request(incident, NotificationReason.SEVERITY_PROPOSED, classification.severity(), eventId, alert.getReceivedAt());
                // Consensus was reached and is not any more: gate 1 says so until the incident commander confirms again.
                gates.evaluateSeverityAlignment(incident, proposal, alert.getReceivedAt());
            }
            case PROPOSAL_WITHDRAWN -> {
                String agreement = announceProposal(incident, classification, signals, before, eventId, alert);
                gates.evaluateSeverityAlignment(incident, agreement, alert.getReceivedAt());
            }
        }
    }

    /** A classification after settlement, published with the settled severity that stands. */
    private String announceProposal(Incident incident, Classification classification, SeveritySignals signals, Severity settled, String eventId,
                                    AlertReceived alert) {
        return outbox.append(Topics.INCIDENTS, incident.id(),
                IncidentEvents.classified(incident.id(), classification, signals, settled, settled, alert.getReceivedAt()),
                eventId, alert.getReceivedAt());
    }

    private SeveritySignals signalsOf(Incident incident) {
        return incident.severitySignals(policy.profileOf(incident.service()));
    }

    private static String titleOf(AlertReceived alert) {
        String summary = alert.getAnnotations().get("summary");
        if (summary != null && !summary.isBlank()) {
            return summary;
        }
        return alert.getAlertName() + (alert.getService() == null ? "" : " on " + alert.getService());
    }
}
