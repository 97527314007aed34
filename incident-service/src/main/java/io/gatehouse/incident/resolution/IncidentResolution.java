package io.gatehouse.incident.resolution;

import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.RootCauseEvidenceArchived;
import io.gatehouse.events.RootCauseEvidenceKind;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.Mitigation;
import io.gatehouse.incident.errors.ActionRefused;
import io.gatehouse.incident.gates.GateRefusal;
import io.gatehouse.incident.gates.GateVerdict;
import io.gatehouse.incident.gates.IncidentGates;
import io.gatehouse.incident.gates.ResolutionGate;
import io.gatehouse.incident.notification.NotificationEnded;
import io.gatehouse.incident.notification.NotificationReason;
import io.gatehouse.incident.notification.Notifications;
import io.gatehouse.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Phase 4: root-cause evidence, the resolution (SLOs restored, alerts cleared, stakeholders informed), and gate 4.
 * The incident closes when gate 4 passes.
 */
@ApplicationScoped
public class IncidentResolution {

    private final Outbox outbox;
    private final IncidentGates gates;
    private final Notifications notifications;

    IncidentResolution(Outbox outbox, IncidentGates gates, Notifications notifications) {
        this.outbox = outbox;
        this.gates = gates;
        this.notifications = notifications;
    }

    @Transactional
    public RootCauseEvidenceArchived archive(String incidentId, String person, RootCauseEvidenceKind kind, String title, String location,
                                             String sha256) {
        Incident incident = Incident.lockOpen(incidentId, "root-cause evidence");
        Instant at = Outbox.actionTime();
        RootCauseEvidenceArchived event = RootCauseEvidenceArchived.newBuilder().setIncidentId(incidentId).setArchivedBy(person).setKind(kind)
                .setTitle(title).setLocation(location).setSha256(sha256).setArchivedAt(at).build();
        RootCauseItem item = RootCauseItem.of(incidentId, kind, title, location, outbox.appendAction(Topics.INCIDENTS, incidentId, event, at));
        item.persist();
        if (incident.resolutionEventId() != null) {
            evaluate(incident, item.eventId, at);
        }
        return event;
    }

    /** Records the resolution once gate 3 passed or was waived, tells the stakeholders, and evaluates gate 4. */
    @Transactional
    public GateVerdict resolve(String incidentId, String commander, String summary, boolean sloRestored, List<String> followUps) {
        Incident incident = Incident.lockOpen(incidentId, "resolution");
        Optional<Mitigation> mitigation = Mitigation.of(incident);
        if (mitigation.filter(Mitigation::recoveryAccepted).isEmpty()) {
            GateRefusal gate3 = gates.recoveryValidationRefusal(mitigation.orElse(null));
            throw new ActionRefused("resolution", "gate 3 (recovery validation) has not passed for incident " + incidentId,
                    "validate the recovery first (POST /v1/incidents/" + incidentId + "/recovery), or waive gate 3 with a recovery plan",
                    gate3.criteria(), gate3.actual());
        }
        Instant at = Outbox.actionTime();
        IncidentResolved event = IncidentResolved.newBuilder().setIncidentId(incidentId).setResolvedBy(commander).setSummary(summary)
                .setSloRestored(sloRestored).setAlertsCleared(incident.alertsCleared()).setFollowUps(followUps).setResolvedAt(at).build();
        incident.recordResolution(commander, summary, sloRestored, followUps, at);
        String eventId = outbox.appendAction(Topics.INCIDENTS, incidentId, event, at);
        incident.citeResolution(eventId);
        notifications.request(incident, NotificationReason.INCIDENT_RESOLVED, eventId, at);
        return evaluate(incident, eventId, at);
    }

    /** Gate 4 waits for the resolution notices. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onNotificationEnded(@Observes NotificationEnded ended) {
        if (ended.reason().announcesResolution()) {
            evaluate(Incident.lock(ended.incidentId()), ended.outcomeEventId(), ended.at());
        }
    }

    /** Gate 4 on the incident's documentation and resolution notices; the incident closes when it passes. */
    private GateVerdict evaluate(Incident incident, String causeEventId, Instant at) {
        List<RootCauseItem> rootCause = RootCauseItem.ofIncident(incident.id());
        ResolutionGate.Documentation documentation = new ResolutionGate.Documentation(
                incident.resolutionSummary() != null && !incident.resolutionSummary().isBlank(),
                incident.sloRestored(),
                incident.alertsCleared(),
                rootCause.size(),
                incident.followUps().size());
        return gates.evaluateResolution(incident, documentation, rootCause.stream().map(r -> r.eventId).toList(), causeEventId, at);
    }
}
