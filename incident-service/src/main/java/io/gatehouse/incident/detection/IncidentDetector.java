package io.gatehouse.incident.detection;

import io.gatehouse.events.AlertGroups;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.Severity;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.gates.IncidentGates;
import io.gatehouse.incident.notification.NotificationReason;
import io.gatehouse.incident.notification.Notifications;
import io.gatehouse.incident.policy.IncidentPolicy;
import io.gatehouse.incident.severity.Classification;
import io.gatehouse.incident.severity.SeverityRules;
import io.gatehouse.incident.severity.SeveritySignals;
import io.gatehouse.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Phase 1 detection: a firing alert opens an incident or joins the open one of its group; an acknowledged or
 * resolved alert updates the incident it belongs to; a delivery that repeats what is known changes nothing. Every
 * classification that changes something is published through the outbox and announced to the stakeholders the policy
 * routes it to; after the incident commander settled the severity, it is only a proposal and consensus is asked again.
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

    /** Applies one AlertReceived event, identified by its CloudEvents id; the incident it touches is locked first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String eventId, AlertReceived alert) {
        // An alert already grouped is found by its id: a PagerDuty resolve or acknowledge may name nothing else.
        Optional<Incident> holding = Incident.lockOpenHolding(alert.getAlertId());
        if (alert.getStatus() == AlertStatus.RESOLVED) {
            holding.ifPresent(incident -> incident.clearAlert(eventId, alert));
            return;
        }
        Optional<Incident> open = holding.or(() -> Incident.lockOpenOfGroup(groupingKeyOf(alert)));
        if (open.isEmpty()) {
            openIncident(eventId, alert);
        } else if (open.get().recordAlert(eventId, alert)) {
            reclassify(open.get(), eventId, alert);
        }
    }

    /** Alerts of one service with one alert name are one incident: an alert storm opens one incident, not thousands. */
    static String groupingKeyOf(AlertReceived alert) {
        return AlertGroups.keyOf(alert);
    }

    private void openIncident(String eventId, AlertReceived alert) {
        SeveritySignals signals = SeveritySignals.from(List.of(new SeveritySignals.AlertFacts(alert.getLabels(), alert.getAnnotations())),
                policy.profileOf(alert.getService()));
        Classification classification = rules.classify(signals);
        Incident incident = Incident.open(CloudEvent.deriveId("incident", eventId), groupingKeyOf(alert), titleOf(alert), eventId, alert,
                classification);
        incident.persist();
        outbox.append(Topics.INCIDENTS, incident.id(), IncidentEvents.opened(incident, alert.getAlertId(), eventId), eventId, alert.getReceivedAt());
        outbox.append(Topics.INCIDENTS, incident.id(),
                IncidentEvents.classified(incident.id(), classification, signals, null, null, alert.getReceivedAt()),
                eventId, alert.getReceivedAt());
        notifications.request(incident, NotificationReason.INCIDENT_OPENED, eventId, alert.getReceivedAt());
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
        return SeveritySignals.from(incident.alertFacts(), policy.profileOf(incident.service()));
    }

    private static String titleOf(AlertReceived alert) {
        String summary = alert.getAnnotations().get("summary");
        if (summary != null && !summary.isBlank()) {
            return summary;
        }
        return alert.getAlertName() + (alert.getService() == null ? "" : " on " + alert.getService());
    }
}
