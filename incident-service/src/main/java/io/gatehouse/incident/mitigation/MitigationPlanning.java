package io.gatehouse.incident.mitigation;

import io.gatehouse.events.AffectedScope;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.MitigationApproved;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.events.MitigationOption;
import io.gatehouse.events.MitigationPlanned;
import io.gatehouse.events.ReadinessItem;
import io.gatehouse.events.ReadinessStatus;
import io.gatehouse.events.RollbackReadinessVerified;
import io.gatehouse.events.RollbackRefused;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.incident.detection.Incident;
import io.gatehouse.incident.errors.ActionRefused;
import io.gatehouse.incident.gates.IncidentGates;
import io.gatehouse.incident.gates.MitigationReadinessGate;
import io.gatehouse.incident.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Phase 2: the plan (options, the chosen one, the affected scope), the rollback readiness checklist, the approvals
 * and waivers of gate 2, and the rollback request that the hard rule guards. Every action is a named person's.
 */
@ApplicationScoped
public class MitigationPlanning {

    /** What a rollback request came to: requested, or refused with every condition that is missing. */
    public record RollbackDecision(boolean requested, List<String> missingConditions) {
    }

    private final Outbox outbox;
    private final IncidentGates gates;
    private final PreviousReleaseEvidence previousRelease;

    MitigationPlanning(Outbox outbox, IncidentGates gates, PreviousReleaseEvidence previousRelease) {
        this.outbox = outbox;
        this.gates = gates;
        this.previousRelease = previousRelease;
    }

    /** Records a (new) plan; a new plan starts readiness, approvals and waivers over, since they were for the old one. */
    @Transactional
    public MitigationPlanned plan(String incidentId, String commander, List<MitigationOption> options, MitigationKind chosen,
                                  AffectedScope scope, String previousReleaseId) {
        Incident incident = Incident.requireOpen(incidentId, "mitigation plan");
        Mitigation existing = Mitigation.findById(incidentId);
        if (existing != null && existing.rollbackRequestedAt != null) {
            throw new ActionRefused("mitigation plan", "a rollback was already requested for this plan", "report the rollback's outcome first");
        }
        Instant at = Outbox.actionTime();
        MitigationPlanned event = MitigationPlanned.newBuilder().setIncidentId(incidentId).setPlannedBy(commander).setOptions(options)
                .setChosen(chosen).setScope(scope).setPreviousRelease(previousReleaseId).setPlannedAt(at).build();
        Mitigation mitigation = existing == null ? new Mitigation() : existing;
        mitigation.incidentId = incidentId;
        mitigation.chosen = chosen;
        mitigation.previousRelease = previousReleaseId;
        mitigation.scopeDescription = scope.getDescription();
        mitigation.reopenPlanning();
        mitigation.gate3Outcome = null;
        mitigation.planEventId = outbox.appendAction(Topics.INCIDENTS, incident.id, event, at);
        mitigation.persist();
        return event;
    }

    @Transactional
    public RollbackReadinessVerified verifyReadiness(String incidentId, String person, Boolean rollbackScriptPresent, Boolean dataBackupVerified) {
        Incident incident = Incident.requireOpen(incidentId, "rollback readiness");
        Mitigation mitigation = planned(incidentId, "rollback readiness");
        List<ReadinessItem> items = List.of(
                checked("rollback-script-present", rollbackScriptPresent, "the rollback script is in place", "the rollback script is not in place"),
                checked("data-backup-verified", dataBackupVerified, "a restore of the data backup was verified", "the data backup is not verified"),
                previousRelease.check(mitigation.previousRelease));
        double coverage = items.stream().filter(i -> i.getStatus() == ReadinessStatus.PASSED).count() / (double) items.size();
        Instant at = Outbox.actionTime();
        RollbackReadinessVerified event = RollbackReadinessVerified.newBuilder().setIncidentId(incidentId).setVerifiedBy(person)
                .setPreviousRelease(mitigation.previousRelease).setItems(items).setCoverage(coverage).setVerifiedAt(at).build();
        mitigation.readinessCoverage = coverage;
        mitigation.readinessEventId = outbox.appendAction(Topics.INCIDENTS, incident.id, event, at);
        gates.evaluateMitigationReadiness(incident, mitigation, mitigation.readinessEventId, at);
        return event;
    }

    @Transactional
    public MitigationApproved approve(String incidentId, String approver, String role, String note) {
        Incident incident = Incident.requireOpen(incidentId, "mitigation approval");
        Mitigation mitigation = planned(incidentId, "mitigation approval");
        Instant at = Outbox.actionTime();
        MitigationApproved event = MitigationApproved.newBuilder().setIncidentId(incidentId).setApprover(approver).setRole(role)
                .setChosen(mitigation.chosen).setNote(note).setApprovedAt(at).build();
        String eventId = outbox.appendAction(Topics.INCIDENTS, incident.id, event, at);
        if (Roles.INCIDENT_COMMANDER.equals(role)) {
            mitigation.approvedByCommander = approver;
        } else {
            mitigation.approvedByReleaseManager = approver;
        }
        countTowardsGateTwo(incident, mitigation, eventId, at);
        return event;
    }

    @Transactional
    public GateWaiverGranted waive(String incidentId, String person, String role, String riskAssessment) {
        Incident incident = Incident.requireOpen(incidentId, "gate 2 waiver");
        Mitigation mitigation = planned(incidentId, "gate 2 waiver");
        Instant at = Outbox.actionTime();
        GateWaiverGranted event = GateWaiverGranted.newBuilder().setSubject(incidentId).setProtocol(17).setGate(MitigationReadinessGate.NUMBER)
                .setGrantedBy(person).setRole(role).setRiskAssessment(riskAssessment).setGrantedAt(at).build();
        String eventId = outbox.appendAction(Topics.INCIDENTS, incident.id, event, at);
        if (Roles.INCIDENT_COMMANDER.equals(role)) {
            mitigation.waivedByCommander = person;
        } else {
            mitigation.waivedByReleaseManager = person;
        }
        countTowardsGateTwo(incident, mitigation, eventId, at);
        return event;
    }

    /**
     * Requests the rollback if the hard rule allows it. A refusal is committed too, as a RollbackRefused event:
     * it is evidence of its own, so it must not roll back with the refusal.
     */
    @Transactional
    public RollbackDecision requestRollback(String incidentId, String commander) {
        Incident incident = Incident.requireOpen(incidentId, "rollback");
        Mitigation mitigation = Mitigation.findById(incidentId);
        List<String> missing = RollbackRule.missingConditions(incident, mitigation);
        Instant at = Outbox.actionTime();
        if (!missing.isEmpty()) {
            outbox.appendAction(Topics.INCIDENTS, incident.id, RollbackRefused.newBuilder().setIncidentId(incidentId).setRequestedBy(commander)
                    .setMissingConditions(missing).setRefusedAt(at).build(), at);
            return new RollbackDecision(false, missing);
        }
        RollbackRequested command = RollbackRequested.newBuilder().setIncidentId(incidentId).setService(incident.service)
                .setPreviousRelease(mitigation.previousRelease).setRequestedBy(commander).setGate2Outcome(mitigation.gate2Outcome)
                .setRequestedAt(at).build();
        outbox.appendAction(Topics.ROLLBACKS, incidentId, command, at);
        mitigation.rollbackRequestedBy = commander;
        mitigation.rollbackRequestedAt = at;
        return new RollbackDecision(true, List.of());
    }

    /** An approval or waiver is evidence gate 2 rests on, and changes its outcome. */
    private void countTowardsGateTwo(Incident incident, Mitigation mitigation, String eventId, Instant at) {
        mitigation.evidenceEventIds.add(eventId);
        gates.evaluateMitigationReadiness(incident, mitigation, eventId, at);
    }

    private static ReadinessItem checked(String name, Boolean confirmed, String passed, String failed) {
        ReadinessStatus status = confirmed == null ? ReadinessStatus.MISSING : confirmed ? ReadinessStatus.PASSED : ReadinessStatus.FAILED;
        String detail = confirmed == null ? "not reported" : confirmed ? passed : failed;
        return ReadinessItem.newBuilder().setName(name).setStatus(status).setDetail(detail).build();
    }


    private static Mitigation planned(String incidentId, String action) {
        Mitigation mitigation = Mitigation.findById(incidentId);
        if (mitigation == null) {
            throw new ActionRefused(action, "incident " + incidentId + " has no mitigation plan",
                    "record the plan first (POST /v1/incidents/" + incidentId + "/mitigation/plan)");
        }
        return mitigation;
    }

}
