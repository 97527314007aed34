package io.gatehouse.incident.consensus;

import io.gatehouse.events.IncidentMarkedFalsePositive;
import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityConfirmed;
import io.gatehouse.events.SeverityReviewed;
import io.gatehouse.events.SeverityVerdict;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.gates.IncidentGates;
import io.gatehouse.incident.notification.NotificationReason;
import io.gatehouse.incident.notification.Notifications;
import io.gatehouse.messaging.outbox.Outbox;
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
        Incident incident = Incident.lockOpen(incidentId, "severity review");
        incident.requireUnsettled("severity review");
        SeverityReview review = SeverityReview.of(incident.id(), reviewer, verdict, incident.proposedSeverity(), suggested, note, Outbox.actionTime());
        review.persist();
        SeverityReviewed event = SeverityReviewed.newBuilder()
                .setIncidentId(incident.id())
                .setReviewer(reviewer)
                .setVerdict(verdict)
                .setProposedSeverity(review.proposedSeverity)
                .setSuggestedSeverity(suggested)
                .setNote(note)
                .setReviewedAt(review.reviewedAt)
                .build();
        outbox.appendAction(Topics.INCIDENTS, incident.id(), event, review.reviewedAt);
        return event;
    }

    /** The incident commander settles the severity; its audience is told when it is not the one they were told of. */
    @Transactional
    public SeverityConfirmed confirm(String incidentId, String commander, Severity settledOn, String note) {
        Incident incident = Incident.lockOpen(incidentId, "severity confirmation");
        Instant at = Outbox.actionTime();
        Severity before = incident.severity();
        Severity proposed = incident.confirmSeverity(commander, settledOn, note, at);
        SeverityConfirmed event = SeverityConfirmed.newBuilder()
                .setIncidentId(incident.id())
                .setSeverity(incident.severity())
                .setProposedSeverity(proposed)
                .setConfirmedBy(commander)
                .setConfirmations((int) SeverityReview.count(incident.id(), SeverityVerdict.CONFIRMED))
                .setDisputes((int) SeverityReview.count(incident.id(), SeverityVerdict.DISPUTED))
                .setNote(note)
                .setConfirmedAt(at)
                .build();
        String eventId = outbox.appendAction(Topics.INCIDENTS, incident.id(), event, at);
        incident.citeConfirmation(eventId);
        if (incident.severity() != before) {
            notifications.request(incident, NotificationReason.SEVERITY_CHANGED, eventId, at);
        }
        gates.evaluateSeverityAlignment(incident, eventId, at);
        return event;
    }

    @Transactional
    public IncidentMarkedFalsePositive markFalsePositive(String incidentId, String person, String reason) {
        Incident incident = Incident.lock(incidentId);
        Instant at = Outbox.actionTime();
        incident.markFalsePositive(reason, at);
        IncidentMarkedFalsePositive event = IncidentMarkedFalsePositive.newBuilder()
                .setIncidentId(incident.id()).setMarkedBy(person).setReason(reason).setMarkedAt(at).build();
        outbox.appendAction(Topics.INCIDENTS, incident.id(), event, at);
        return event;
    }
}
