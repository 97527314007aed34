package io.gatehouse.incident.signoff;

import io.gatehouse.events.ResolutionReviewed;
import io.gatehouse.events.ReviewedItem;
import io.gatehouse.events.SignOffVerdict;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.Mitigation;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.incident.errors.ActionRefused;
import io.gatehouse.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Reviewer sign-off after resolution: the incident commander approves or rejects the resolution, a performance engineer
 * the recovery validation, each with a rationale. A reviewer may review again; the latest verdict of each counts.
 */
@ApplicationScoped
public class ResolutionSignOff {

    /** The sign-offs of an incident, and whether the latest verdict of both reviews is an approval. */
    public record Status(List<SignOff> signOffs, boolean complete) {
    }

    private final Outbox outbox;

    ResolutionSignOff(Outbox outbox) {
        this.outbox = outbox;
    }

    /** What a role reviews: the incident commander the resolution, a performance engineer the recovery validation. */
    private static ReviewedItem reviewedBy(String role) {
        return Roles.INCIDENT_COMMANDER.equals(role) ? ReviewedItem.RESOLUTION : ReviewedItem.RECOVERY_VALIDATION;
    }

    @Transactional
    public ResolutionReviewed signOff(String incidentId, String reviewer, String role, SignOffVerdict verdict, String rationale) {
        Incident incident = Incident.lock(incidentId);
        ReviewedItem reviewed = reviewedBy(role);
        if (reviewed == ReviewedItem.RESOLUTION && incident.resolutionEventId() == null) {
            throw new ActionRefused("reviewer sign-off", "incident " + incidentId + " has no resolution to review",
                    "record the resolution first (POST /v1/incidents/" + incidentId + "/resolution)");
        }
        if (reviewed == ReviewedItem.RECOVERY_VALIDATION && Mitigation.of(incident).filter(Mitigation::recoveryAccepted).isEmpty()) {
            throw new ActionRefused("reviewer sign-off", "incident " + incidentId + " has no recovery validation that passed or was waived",
                    "validate the recovery first (POST /v1/incidents/" + incidentId + "/recovery)");
        }
        Instant at = Outbox.actionTime();
        ResolutionReviewed event = ResolutionReviewed.newBuilder().setIncidentId(incidentId).setReviewer(reviewer).setRole(role)
                .setReviewed(reviewed).setVerdict(verdict).setRationale(rationale).setReviewedAt(at).build();
        SignOff signOff = new SignOff();
        signOff.incidentId = incidentId;
        signOff.reviewer = reviewer;
        signOff.role = role;
        signOff.reviewed = reviewed;
        signOff.verdict = verdict;
        signOff.rationale = rationale;
        signOff.reviewedAt = at;
        signOff.eventId = outbox.appendAction(Topics.INCIDENTS, incidentId, event, at);
        signOff.persist();
        return event;
    }

    @Transactional
    public Status statusOf(String incidentId) {
        Incident.require(incidentId);
        List<SignOff> signOffs = SignOff.ofIncident(incidentId);
        return new Status(signOffs, approved(signOffs, ReviewedItem.RESOLUTION) && approved(signOffs, ReviewedItem.RECOVERY_VALIDATION));
    }

    private static boolean approved(List<SignOff> signOffs, ReviewedItem reviewed) {
        return signOffs.stream().filter(s -> s.reviewed == reviewed).reduce((first, latest) -> latest)
                .map(latest -> latest.verdict == SignOffVerdict.APPROVED).orElse(false);
    }
}
