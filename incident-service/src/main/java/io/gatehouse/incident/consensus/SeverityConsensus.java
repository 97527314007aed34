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
import io.gatehouse.incident.errors.IncidentNotFound;
import io.gatehouse.incident.gates.IncidentGates;
import io.gatehouse.incident.messaging.Outbox;
import io.gatehouse.incident.notification.Notification;
import io.gatehouse.incident.notification.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.avro.specific.SpecificRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

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
        Incident incident = openIncident(incidentId, "severity review");
        unsettled(incident, "severity review");
        SeverityReview review = new SeverityReview();
        review.incidentId = incident.id;
        review.reviewer = reviewer;
        review.verdict = verdict;
        review.proposedSeverity = incident.severity;
        review.suggestedSeverity = suggested;
        review.note = note;
        review.reviewedAt = now();
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
        publish(incident, event, review.reviewedAt);
        return event;
    }

    @Transactional
    public SeverityConfirmed confirm(String incidentId, String commander, Severity settledOn, String note) {
        Incident incident = openIncident(incidentId, "severity confirmation");
        unsettled(incident, "severity confirmation");
        Instant at = now();
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
        String eventId = publish(incident, event, at);
        incident.severityConfirmedEventId = eventId;
        if (incident.severity != proposed) {
            notifications.request(incident, Notification.SEVERITY_CHANGED, eventId, at);
        }
        gates.evaluateSeverityAlignment(incident, eventId, at);
        return event;
    }

    @Transactional
    public IncidentMarkedFalsePositive markFalsePositive(String incidentId, String person, String reason) {
        Incident incident = openIncident(incidentId, "false positive");
        Instant at = now();
        incident.status = IncidentStatus.FALSE_POSITIVE;
        incident.closedReason = reason;
        incident.updatedAt = at;
        IncidentMarkedFalsePositive event = IncidentMarkedFalsePositive.newBuilder()
                .setIncidentId(incident.id).setMarkedBy(person).setReason(reason).setMarkedAt(at).build();
        publish(incident, event, at);
        return event;
    }

    private static Incident openIncident(String incidentId, String action) {
        Incident incident = Incident.<Incident>findByIdOptional(incidentId).orElseThrow(() -> new IncidentNotFound(incidentId));
        if (incident.status != IncidentStatus.OPEN) {
            throw new ActionRefused(action, "incident " + incidentId + " is " + incident.status + (incident.closedReason == null ? "" : ": " + incident.closedReason),
                    "act on an open incident");
        }
        return incident;
    }

    private static void unsettled(Incident incident, String action) {
        if (incident.severityConfirmedBy != null) {
            throw new ActionRefused(action, "the severity of incident " + incident.id + " was settled on " + incident.severity
                    + " by " + incident.severityConfirmedBy + " at " + incident.severityConfirmedAt, "nothing to do: consensus is reached");
        }
    }

    private String publish(Incident incident, SpecificRecord event, Instant at) {
        // A person's action has no earlier event as its cause; the request itself is the cause.
        return outbox.append(Topics.INCIDENTS, incident.id, event, UUID.randomUUID().toString(), at);
    }

    /** A person's action happens now; its event carries that time from here on. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
