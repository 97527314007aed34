package io.gatehouse.incident.resolution;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.RootCauseEvidenceArchived;
import io.gatehouse.events.RootCauseEvidenceKind;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.detection.Incident;
import io.gatehouse.incident.detection.IncidentStatus;
import io.gatehouse.incident.errors.ActionRefused;
import io.gatehouse.incident.gates.GateVerdict;
import io.gatehouse.incident.gates.IncidentGates;
import io.gatehouse.incident.gates.ResolutionGate;
import io.gatehouse.incident.messaging.Outbox;
import io.gatehouse.incident.mitigation.Mitigation;
import io.gatehouse.incident.notification.Notification;
import io.gatehouse.incident.notification.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

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
        Incident incident = Incident.requireOpen(incidentId, "root-cause evidence");
        Instant at = Outbox.actionTime();
        RootCauseEvidenceArchived event = RootCauseEvidenceArchived.newBuilder().setIncidentId(incidentId).setArchivedBy(person).setKind(kind)
                .setTitle(title).setLocation(location).setSha256(sha256).setArchivedAt(at).build();
        RootCauseItem item = new RootCauseItem();
        item.incidentId = incidentId;
        item.kind = kind;
        item.title = title;
        item.location = location;
        item.eventId = outbox.appendAction(Topics.INCIDENTS, incidentId, event, at);
        item.persist();
        if (incident.resolutionEventId != null) {
            evaluate(incident, item.eventId, at);
        }
        return event;
    }

    /** Records the resolution once gate 3 passed, tells the stakeholders, and evaluates gate 4. */
    @Transactional
    public GateVerdict resolve(String incidentId, String commander, String summary, boolean sloRestored, List<String> followUps) {
        Incident incident = Incident.requireOpen(incidentId, "resolution");
        Mitigation mitigation = Mitigation.findById(incidentId);
        if (mitigation == null || mitigation.gate3Outcome != GateOutcome.PASSED) {
            throw new ActionRefused("resolution", "gate 3 (recovery validation) has not passed for incident " + incidentId,
                    "validate the recovery first (POST /v1/incidents/" + incidentId + "/recovery)");
        }
        Instant at = Outbox.actionTime();
        boolean alertsCleared = incident.alerts.stream().allMatch(a -> a.status == AlertStatus.RESOLVED);
        IncidentResolved event = IncidentResolved.newBuilder().setIncidentId(incidentId).setResolvedBy(commander).setSummary(summary)
                .setSloRestored(sloRestored).setAlertsCleared(alertsCleared).setFollowUps(followUps).setResolvedAt(at).build();
        incident.resolutionSummary = summary;
        incident.sloRestored = sloRestored;
        incident.followUps = List.copyOf(followUps);
        incident.resolvedBy = commander;
        incident.updatedAt = at;
        incident.resolutionEventId = outbox.appendAction(Topics.INCIDENTS, incidentId, event, at);
        notifications.request(incident, Notification.INCIDENT_RESOLVED, incident.resolutionEventId, at);
        return evaluate(incident, incident.resolutionEventId, at);
    }

    /** Gate 4 on the incident's documentation and resolution notices; closes the incident when it passes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GateVerdict evaluate(Incident incident, String causeEventId, Instant at) {
        List<RootCauseItem> rootCause = RootCauseItem.ofIncident(incident.id);
        ResolutionGate.Documentation documentation = new ResolutionGate.Documentation(
                incident.resolutionSummary != null && !incident.resolutionSummary.isBlank(),
                Boolean.TRUE.equals(incident.sloRestored),
                incident.alerts.stream().allMatch(a -> a.status == AlertStatus.RESOLVED),
                rootCause.size(),
                incident.followUps == null ? 0 : incident.followUps.size());
        GateVerdict verdict = gates.evaluateResolution(incident, documentation, rootCause.stream().map(r -> r.eventId).toList(), causeEventId, at);
        if (verdict.outcome() == GateOutcome.PASSED) {
            incident.status = IncidentStatus.RESOLVED;
            incident.closedReason = "resolved: " + incident.resolutionSummary;
        }
        return verdict;
    }
}
