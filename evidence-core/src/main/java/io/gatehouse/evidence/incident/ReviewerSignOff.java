package io.gatehouse.evidence.incident;

import io.gatehouse.events.ResolutionReviewed;
import io.gatehouse.events.ReviewedItem;
import io.gatehouse.events.SignOffVerdict;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * reviewer-signoff.json: the reviews given after the resolution, and whether they sign the incident off. It is
 * complete when the latest review of each requirement is an approval: the incident commander's of the resolution and
 * a performance engineer's of the recovery validation.
 *
 * @param requirements each review the sign-off needs, with the latest verdict given for it
 * @param signOffs every review given, in ledger order, including those no requirement asks for
 */
record ReviewerSignOff(String incidentId, boolean happened, boolean complete, String statement, List<Requirement> requirements,
                       List<SignOff> signOffs) {

    /** What a sign-off needs, and who gives it: the role names are those incident-service authenticates. */
    private static final List<Needed> NEEDED = List.of(
            new Needed(ReviewedItem.RESOLUTION, "incident-commander", "the incident commander", "the resolution"),
            new Needed(ReviewedItem.RECOVERY_VALIDATION, "performance-engineer", "a performance engineer", "the recovery validation"));

    private record Needed(ReviewedItem reviewed, String role, String reviewerInWords, String reviewedInWords) {
    }

    /** @param verdict the latest verdict given in the role on the item, null while none was given */
    record Requirement(ReviewedItem reviewed, String role, SignOffVerdict verdict, String reviewer, Instant reviewedAt, String eventId) {
    }

    record SignOff(String eventId, Instant reviewedAt, String reviewer, String role, ReviewedItem reviewed, SignOffVerdict verdict,
                   String rationale) {
    }

    static ReviewerSignOff of(SubjectHistory history) {
        List<Recorded<ResolutionReviewed>> reviews = history.all(ResolutionReviewed.class);
        List<Requirement> requirements = new ArrayList<>();
        List<String> approved = new ArrayList<>();
        List<String> outstanding = new ArrayList<>();
        for (Needed needed : NEEDED) {
            Requirement requirement = requirement(needed, reviews);
            requirements.add(requirement);
            if (requirement.verdict() == SignOffVerdict.APPROVED) {
                approved.add(needed.reviewerInWords() + " approved " + needed.reviewedInWords());
            } else {
                outstanding.add(needed.reviewerInWords() + (requirement.verdict() == null ? " has not reviewed " : " rejected ")
                        + needed.reviewedInWords());
            }
        }
        String statement = outstanding.isEmpty() ? "Signed off: " + String.join(" and ", approved) + "."
                : "Not signed off: " + String.join("; ", outstanding) + ".";
        return new ReviewerSignOff(history.subject(), !reviews.isEmpty(), outstanding.isEmpty(), statement, requirements,
                reviews.stream().map(r -> new SignOff(r.eventId(), r.event().getReviewedAt(), r.event().getReviewer(), r.event().getRole(),
                        r.event().getReviewed(), r.event().getVerdict(), r.event().getRationale())).toList());
    }

    private static Requirement requirement(Needed needed, List<Recorded<ResolutionReviewed>> reviews) {
        Optional<Recorded<ResolutionReviewed>> latest = reviews.stream()
                .filter(r -> r.event().getReviewed() == needed.reviewed() && needed.role().equals(r.event().getRole()))
                .reduce((earlier, later) -> later);
        return latest.map(r -> new Requirement(needed.reviewed(), needed.role(), r.event().getVerdict(), r.event().getReviewer(),
                        r.event().getReviewedAt(), r.eventId()))
                .orElse(new Requirement(needed.reviewed(), needed.role(), null, null, null, null));
    }
}
