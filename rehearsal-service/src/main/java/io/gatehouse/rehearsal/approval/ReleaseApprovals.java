package io.gatehouse.rehearsal.approval;

import io.gatehouse.events.ApprovalGranted;
import io.gatehouse.events.Topics;
import io.gatehouse.messaging.outbox.Outbox;
import io.gatehouse.rehearsal.Release;
import io.gatehouse.rehearsal.ReleaseGate;
import io.gatehouse.rehearsal.errors.ActionRefused;
import io.gatehouse.rehearsal.errors.InvalidRequest;
import io.gatehouse.rehearsal.evaluation.ReleaseEvaluation;
import io.gatehouse.rehearsal.gates.ReadinessApprovalGate;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Approvals of a release by the people whose role the approval's kind needs. An approval is bound to the digest of the
 * evidence the release had when it was given; a readiness approval also to the moment gates 1 to 3 had been passed or
 * waived since, and is refused before that moment.
 */
@ApplicationScoped
public class ReleaseApprovals {

    /** An approval as given: its event and the event's id. */
    public record Given(String eventId, ApprovalGranted event) {
    }

    private final Outbox outbox;
    private final ReleaseEvaluation evaluation;

    ReleaseApprovals(Outbox outbox, ReleaseEvaluation evaluation) {
        this.outbox = outbox;
        this.evaluation = evaluation;
    }

    /**
     * @param heldRoles the roles of the approver that may give an approval of {@code kind}, in the policy's order
     * @throws ActionRefused for a readiness approval while gates 1 to 3 are not all passed or waived
     */
    @Transactional
    public Given approve(String releaseId, String approver, String kind, List<String> heldRoles, Instant expiresAt, String note) {
        Release release = Release.lockRegistered(releaseId);
        Instant at = Outbox.actionTime();
        if (expiresAt != null && !expiresAt.isAfter(at)) {
            throw new InvalidRequest("approval", "expiresAt " + expiresAt + " is not in the future", "send a later expiresAt, or none");
        }
        boolean readiness = ReleasePolicy.READINESS.equals(kind);
        if (readiness && release.readySince() == null) {
            throw ActionRefused.byGate("readiness approval", "release " + releaseId + " is not ready for readiness approval: gates 1 to 3 "
                            + "must all be passed or waived first, so that the approval approves the whole package",
                    "resolve what gates 1 to 3 report (GET /v1/releases/" + releaseId + "), then approve",
                    "gates 1, 2 and 3 PASSED or WAIVED before a readiness approval", standingOfFirstGates(release));
        }
        String role = roleFor(release, kind, heldRoles, at);
        ApprovalGranted event = ApprovalGranted.newBuilder()
                .setRelease(releaseId)
                .setKind(kind)
                .setApprover(approver)
                .setRole(role)
                .setExpiresAt(expiresAt)
                .setNote(note)
                .setEvidenceDigest(release.evidenceDigest())
                .setGrantedAt(at)
                .build();
        String eventId = outbox.appendAction(Topics.RELEASES, releaseId, event, at);
        release.approve(eventId, kind, approver, role, note, expiresAt, readiness, at);
        evaluation.approvalChanged(release, eventId, kind, at);
        return new Given(eventId, event);
    }

    /** The role the approval is given in: of the approver's roles, the first no current readiness approval covers yet. */
    private static String roleFor(Release release, String kind, List<String> heldRoles, Instant at) {
        if (!ReleasePolicy.READINESS.equals(kind)) {
            return heldRoles.get(0);
        }
        List<String> covered = ReadinessApprovalGate.standings(release.inputs(), at).stream().filter(ReadinessApprovalGate.Standing::current)
                .map(s -> s.approval().role()).toList();
        return heldRoles.stream().filter(role -> !covered.contains(role)).findFirst().orElse(heldRoles.get(0));
    }

    private static String standingOfFirstGates(Release release) {
        return release.standings().stream().filter(g -> g.gate() <= 3)
                .map(ReleaseGate::verdict).map(v -> "gate " + v.gate() + " " + v.outcome()).collect(Collectors.joining(", "));
    }
}
