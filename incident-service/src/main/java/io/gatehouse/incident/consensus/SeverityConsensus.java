package io.gatehouse.incident.consensus;

import io.gatehouse.events.IncidentMarkedFalsePositive;
import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityConfirmed;
import io.gatehouse.events.SeverityReviewed;
import io.gatehouse.events.SeverityVerdict;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.detection.Incident;
import io.gatehouse.incident.detection.IncidentStatus;
import io.gatehouse.incident.errors.ActionRefused;
import io.gatehouse.incident.gates.IncidentGates;
import io.gatehouse.incident.messaging.Outbox;
import io.gatehouse.incident.notification.Notification;
import io.gatehouse.incident.notification.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Phase 1 consensus. A classification is a proposal: responders confirm or dispute it, and the incident
 * commander's confirmation settles it, on the proposed severity or another. A responder can also close an
 * incident as a false positive. The person recorded is always the authenticated caller.
 */
@ApplicationScoped
public class SeverityConsensus {

    private final Outbox outbox;
    private final Notifications notifications;
    private final IncidentGates gates;

    SeverityConsensus(Outbox outbox, Notifications notifications, IncidentGates gates) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.gates = gates;
    }

    @Transactional
    public SeverityReviewed review(String incidentId, String reviewer, SeverityVerdict verdict, Severity suggested, String note) {
        Incident incident = Incident.requireOpen(incidentId, "severity review");
        unsettled(incident, "severity review");
        SeverityReview review = new SeverityReview();
        review.incidentId = incident.id;
        review.reviewer = reviewer;
        review.verdict = verdict;
        review.proposedSeverity = incident.severity;
        review.suggestedSeverity = suggested;
        review.note = note;
        review.reviewedAt = Outbox.actionTime();
        review.persist();
        SeverityReviewed event = SeverityReviewed.newBuilder()
                .setIncidentId(incident.id)
                .setReviewer(reviewer)
                .setVerdict(verdict)
                .setProposedSeverity(incident.severity)
                .setSuggestedSeverity(suggested)
                .setNote(note)
                .setReviewedAt(review.reviewedAt)
                .build();
        outbox.appendAction(Topics.INCIDENTS, incident.id, event, review.reviewedAt);
        return event;
    }

    @Transactional
    public SeverityConfirmed confirm(String incidentId, String commander, Severity settledOn, String note) {
        Incident incident = Incident.requireOpen(incidentId, "severity confirmation");
        unsettled(incident, "severity confirmation");
        Instant at = Outbox.actionTime();
        Severity proposed = incident.severity;
        incident.severity = settledOn == null ? proposed : settledOn;
        if (incident.severity != proposed) {
            incident.severityRule = "settled-by-incident-commander";
            incident.severityRationale = "the incident commander settled on " + incident.severity + " (proposed " + proposed + ")"
                    + (note == null ? "" : ": " + note);
        }
        incident.severityConfirmedBy = commander;
        incident.severityConfirmedAt = at;
        incident.updatedAt = at;
        SeverityConfirmed event = SeverityConfirmed.newBuilder()
                .setIncidentId(incident.id)
                .setSeverity(incident.severity)
                .setProposedSeverity(proposed)
                .setConfirmedBy(commander)
                .setConfirmations((int) SeverityReview.count(incident.id, SeverityVerdict.CONFIRMED))
                .setDisputes((int) SeverityReview.count(incident.id, SeverityVerdict.DISPUTED))
                .setNote(note)
                .setConfirmedAt(at)
                .build();
        String eventId = outbox.appendAction(Topics.INCIDENTS, incident.id, event, at);
        incident.severityConfirmedEventId = eventId;
        if (incident.severity != proposed) {
            notifications.request(incident, Notification.SEVERITY_CHANGED, eventId, at);
        }
        gates.evaluateSeverityAlignment(incident, eventId, at);
        return event;
    }

    @Transactional
    public IncidentMarkedFalsePositive markFalsePositive(String incidentId, String person, String reason) {
        Incident incident = Incident.requireOpen(incidentId, "false positive");
        Instant at = Outbox.actionTime();
        incident.status = IncidentStatus.FALSE_POSITIVE;
        incident.closedReason = reason;
        incident.updatedAt = at;
        IncidentMarkedFalsePositive event = IncidentMarkedFalsePositive.newBuilder()
                .setIncidentId(incident.id).setMarkedBy(person).setReason(reason).setMarkedAt(at).build();
        outbox.appendAction(Topics.INCIDENTS, incident.id, event, at);
        return event;
    }


    private static void unsettled(Incident incident, String action) {
        if (incident.severityConfirmedBy != null) {
            throw new ActionRefused(action, "the severity of incident " + incident.id + " was settled on " + incident.severity
                    + " by " + incident.severityConfirmedBy + " at " + incident.severityConfirmedAt, "nothing to do: consensus is reached");
        }
    }

}
