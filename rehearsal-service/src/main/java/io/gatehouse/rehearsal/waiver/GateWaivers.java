package io.gatehouse.rehearsal.waiver;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.Topics;
import io.gatehouse.messaging.outbox.Outbox;
import io.gatehouse.rehearsal.Release;
import io.gatehouse.rehearsal.errors.ActionRefused;
import io.gatehouse.rehearsal.errors.InvalidRequest;
import io.gatehouse.rehearsal.evaluation.ReleaseEvaluation;
import io.gatehouse.rehearsal.gates.GateVerdict;
import io.gatehouse.rehearsal.gates.Gates;
import io.gatehouse.rehearsal.gates.Waiver;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import io.gatehouse.rehearsal.policy.WaiverRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Waivers of a release's failed gates: gate 1 by the release manager, gate 3 by the CISO and the CTO each with
 * compensating controls (waived once both have), gates 2 and 4 never, as protocol 14 says. Each waiver is one role's,
 * published as GateWaiverGranted; the gate counts as waived once the policy's roles all waived it.
 */
@ApplicationScoped
public class GateWaivers {

    /** What a waiver request asks. */
    public record Request(String riskAssessment, String compensatingControls, Instant expiresAt) {
    }

    /**
     * A waiver as given.
     *
     * @param outcome the gate's outcome after it
     * @param awaiting the roles whose waiver the gate still needs
     */
    public record Given(String eventId, GateWaiverGranted event, GateOutcome outcome, List<String> awaiting) {
    }

    private final Outbox outbox;
    private final ReleasePolicy policy;
    private final ReleaseEvaluation evaluation;

    GateWaivers(Outbox outbox, ReleasePolicy policy, ReleaseEvaluation evaluation) {
        this.outbox = outbox;
        this.policy = policy;
        this.evaluation = evaluation;
    }

    /**
     * @param heldRoles the waiver roles of the gate the person holds, in the policy's order
     * @throws ActionRefused when the protocol forbids waiving the gate, or the gate has not failed
     */
    @Transactional
    public Given waive(String releaseId, int gate, String person, List<String> heldRoles, Request request) {
        Release release = Release.lockRegistered(releaseId);
        Instant at = Outbox.actionTime();
        Optional<WaiverRule> rule = policy.waiverFor(gate);
        if (rule.isEmpty()) {
            GateVerdict standing = evaluation.standingNow(release, gate, at);
            throw ActionRefused.byGate("gate " + gate + " waiver", "protocol 14 forbids waiving gate " + gate + " " + Gates.nameOf(gate)
                            + ": it must pass on its own", "resolve what the gate reports (GET /v1/releases/" + releaseId + ") and publish the results again",
                    standing.criteria(), standing.outcome() + ": " + standing.actual());
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(at)) {
            throw new InvalidRequest("gate " + gate + " waiver", "expiresAt " + request.expiresAt() + " is not in the future",
                    "send a later expiresAt, or none");
        }
        GateVerdict standing = release.standing(gate).orElseThrow().verdict();
        if (standing.outcome() != GateOutcome.FAILED) {
            throw ActionRefused.byGate("gate " + gate + " waiver", "gate " + gate + " " + standing.name() + " is " + standing.outcome()
                            + ": a waiver accepts a failure, and there is none to accept"
                            + (standing.outcome() == GateOutcome.NOT_EVALUATED ? " yet; it cannot stand in for a missing input" : ""),
                    "waive the gate once it has failed, if it does", standing.criteria(), standing.outcome() + ": " + standing.actual());
        }
        String role = roleFor(release, gate, rule.get(), heldRoles, at);
        GateWaiverGranted event = GateWaiverGranted.newBuilder()
                .setSubject(releaseId)
                .setProtocol(14)
                .setGate(gate)
                .setGrantedBy(person)
                .setRole(role)
                .setRiskAssessment(request.riskAssessment())
                .setCompensatingControls(request.compensatingControls())
                .setExpiresAt(request.expiresAt())
                .setGrantedAt(at)
                .build();
        String eventId = outbox.appendAction(Topics.RELEASES, releaseId, event, at);
        release.waive(new Waiver(eventId, gate, person, role, request.riskAssessment(), request.compensatingControls(), at, request.expiresAt(),
                false));
        evaluation.waiverChanged(release, eventId, gate, at);
        GateOutcome after = release.standing(gate).orElseThrow().outcome();
        List<String> awaiting = after == GateOutcome.WAIVED ? List.of() : uncovered(release, gate, rule.get(), at);
        return new Given(eventId, event, after, awaiting);
    }

    /** The role the waiver is given in: of the person's waiver roles, the first no valid waiver covers yet. */
    private static String roleFor(Release release, int gate, WaiverRule rule, List<String> heldRoles, Instant at) {
        List<String> uncovered = uncovered(release, gate, rule, at);
        return heldRoles.stream().filter(uncovered::contains).findFirst().orElse(heldRoles.get(0));
    }

    private static List<String> uncovered(Release release, int gate, WaiverRule rule, Instant at) {
        List<Waiver> counting = release.inputs().waiversOf(gate).stream().filter(w -> w.countsAt(at)).toList();
        return rule.roles().stream().filter(role -> counting.stream().noneMatch(w -> w.role().equals(role))).toList();
    }
}
