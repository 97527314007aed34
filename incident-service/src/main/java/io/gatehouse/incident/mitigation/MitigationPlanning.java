package io.gatehouse.incident.mitigation;

import io.gatehouse.events.AffectedScope;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.MitigationApproved;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.events.MitigationOption;
import io.gatehouse.events.MitigationPlanned;
import io.gatehouse.events.ReadinessItem;
import io.gatehouse.events.ReadinessStatus;
import io.gatehouse.events.RollbackReadinessVerified;
import io.gatehouse.events.RollbackRefused;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.Mitigation;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.incident.gates.GateRefusal;
import io.gatehouse.incident.gates.IncidentGates;
import io.gatehouse.incident.gates.MitigationReadinessGate;
import io.gatehouse.incident.releases.RollbackRehearsal;
import io.gatehouse.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Phase 2: the plan (options, the chosen one, the affected scope), the rollback readiness checklist, the approvals
 * and waivers of gate 2, and the execution of the chosen option that the hard rule guards. Every action is a named
 * person's, and each locks the incident first.
 */
@ApplicationScoped
public class MitigationPlanning {

    /**
     * What a request to execute the mitigation came to: requested, or refused with every condition that is missing; when
     * gate 2 is among them, {@code gate2} says what the gate requires and what it finds (else null).
     */
    public record ExecutionDecision(boolean requested, MitigationKind kind, List<String> missingConditions, GateRefusal gate2) {
    }

    private final Outbox outbox;
    private final IncidentGates gates;

    MitigationPlanning(Outbox outbox, IncidentGates gates) {
        this.outbox = outbox;
        this.gates = gates;
    }

    /** Records a (new) plan; a new plan starts readiness, approvals and waivers over, since they were for the old one. */
    @Transactional
    public MitigationPlanned plan(String incidentId, String commander, List<MitigationOption> options, MitigationKind chosen,
                                  AffectedScope scope, String previousReleaseId) {
        Incident incident = Incident.lockOpen(incidentId, "mitigation plan");
        Instant at = Outbox.actionTime();
        MitigationPlanned event = MitigationPlanned.newBuilder().setIncidentId(incidentId).setPlannedBy(commander).setOptions(options)
                .setChosen(chosen).setScope(scope).setPreviousRelease(previousReleaseId).setPlannedAt(at).build();
        String chosenDescription = options.stream().filter(o -> o.getKind() == chosen).findFirst().map(MitigationOption::getDescription).orElseThrow();
        Mitigation mitigation = Mitigation.plan(incident, chosen, chosenDescription, previousReleaseId, scope.getDescription(),
                outbox.appendAction(Topics.INCIDENTS, incident.id(), event, at), at);
        mitigation.persist();
        return event;
    }

    /**
     * Records the readiness checklist. The previous release's rollback rehearsal is read from what gatehouse.releases
     * told this service, in the same transaction as the plan it is checked for.
     */
    @Transactional
    public RollbackReadinessVerified verifyReadiness(String incidentId, String person, Boolean rollbackScriptPresent, Boolean dataBackupVerified) {
        Incident incident = Incident.lockOpen(incidentId, "rollback readiness");
        Mitigation mitigation = Mitigation.planned(incident, "rollback readiness");
        String previousRelease = mitigation.previousRelease();
        List<ReadinessItem> items = List.of(
                checked("rollback-script-present", rollbackScriptPresent, "the rollback script is in place", "the rollback script is not in place"),
                checked("data-backup-verified", dataBackupVerified, "a restore of the data backup was verified", "the data backup is not verified"),
                PreviousReleaseRollback.item(previousRelease, previousRelease == null ? Optional.empty() : RollbackRehearsal.latestOf(previousRelease)));
        double coverage = items.stream().filter(i -> i.getStatus() == ReadinessStatus.PASSED).count() / (double) items.size();
        Instant at = Outbox.actionTime();
        RollbackReadinessVerified event = RollbackReadinessVerified.newBuilder().setIncidentId(incidentId).setVerifiedBy(person)
                .setPreviousRelease(previousRelease).setItems(items).setCoverage(coverage).setVerifiedAt(at).build();
        String eventId = outbox.appendAction(Topics.INCIDENTS, incident.id(), event, at);
        mitigation.recordReadiness(coverage, eventId);
        gates.evaluateMitigationReadiness(incident, mitigation, eventId, at);
        return event;
    }

    @Transactional
    public MitigationApproved approve(String incidentId, String approver, String role, String note) {
        Incident incident = Incident.lockOpen(incidentId, "mitigation approval");
        Mitigation mitigation = Mitigation.planned(incident, "mitigation approval");
        Instant at = Outbox.actionTime();
        MitigationApproved event = MitigationApproved.newBuilder().setIncidentId(incidentId).setApprover(approver).setRole(role)
                .setChosen(mitigation.chosen()).setNote(note).setApprovedAt(at).build();
        String eventId = outbox.appendAction(Topics.INCIDENTS, incident.id(), event, at);
        mitigation.approve(Roles.INCIDENT_COMMANDER.equals(role), approver, eventId, at);
        gates.evaluateMitigationReadiness(incident, mitigation, eventId, at);
        return event;
    }

    @Transactional
    public GateWaiverGranted waive(String incidentId, String person, String role, String riskAssessment) {
        Incident incident = Incident.lockOpen(incidentId, "gate 2 waiver");
        Mitigation mitigation = Mitigation.planned(incident, "gate 2 waiver");
        Instant at = Outbox.actionTime();
        GateWaiverGranted event = GateWaiverGranted.newBuilder().setSubject(incidentId).setProtocol(17).setGate(MitigationReadinessGate.NUMBER)
                .setGrantedBy(person).setRole(role).setRiskAssessment(riskAssessment).setGrantedAt(at).build();
        String eventId = outbox.appendAction(Topics.INCIDENTS, incident.id(), event, at);
        mitigation.waiveGateTwo(Roles.INCIDENT_COMMANDER.equals(role), person, eventId, at);
        gates.evaluateMitigationReadiness(incident, mitigation, eventId, at);
        return event;
    }

    /**
     * Executes the chosen mitigation if the hard rule allows it: a rollback as RollbackRequested, a feature-flag disable
     * or a hotfix as MitigationExecutionRequested, both on gatehouse.rollbacks for the deployment system. A refusal is
     * committed too, as a RollbackRefused event: it is evidence of its own, so it must not roll back with the refusal.
     *
     * @param rollbackAsked whether the caller asked for a rollback as such, which is refused when another option was chosen
     */
    @Transactional
    public ExecutionDecision execute(String incidentId, String commander, boolean rollbackAsked) {
        Incident incident = Incident.lockOpen(incidentId, rollbackAsked ? "rollback" : "mitigation execution");
        Mitigation mitigation = Mitigation.of(incident).orElse(null);
        List<String> missing = RollbackRule.missingConditions(RollbackRule.Facts.of(incident, mitigation, rollbackAsked));
        Instant at = Outbox.actionTime();
        MitigationKind kind = mitigation == null ? null : mitigation.chosen();
        if (!missing.isEmpty()) {
            outbox.appendAction(Topics.INCIDENTS, incident.id(), RollbackRefused.newBuilder().setIncidentId(incidentId).setRequestedBy(commander)
                    .setMissingConditions(missing).setRefusedAt(at).build(), at);
            boolean gate2Missing = mitigation == null || !RollbackRule.gate2Allows(mitigation.gate2Outcome());
            return new ExecutionDecision(false, kind, missing, gate2Missing ? gates.mitigationReadinessRefusal(mitigation) : null);
        }
        if (kind == MitigationKind.ROLLBACK) {
            outbox.appendAction(Topics.ROLLBACKS, incidentId, RollbackRequested.newBuilder().setIncidentId(incidentId)
                    .setService(incident.service()).setPreviousRelease(mitigation.previousRelease()).setRequestedBy(commander)
                    .setGate2Outcome(mitigation.gate2Outcome()).setRequestedAt(at).build(), at);
        } else {
            outbox.appendAction(Topics.ROLLBACKS, incidentId, MitigationExecutionRequested.newBuilder().setIncidentId(incidentId).setKind(kind)
                    .setService(incident.service()).setDescription(mitigation.chosenDescription()).setRequestedBy(commander)
                    .setGate2Outcome(mitigation.gate2Outcome()).setRequestedAt(at).build(), at);
        }
        mitigation.requestExecution(commander, at);
        return new ExecutionDecision(true, kind, List.of(), null);
    }

    private static ReadinessItem checked(String name, Boolean confirmed, String passed, String failed) {
        ReadinessStatus status = confirmed == null ? ReadinessStatus.MISSING : confirmed ? ReadinessStatus.PASSED : ReadinessStatus.FAILED;
        String detail = confirmed == null ? "not reported" : confirmed ? passed : failed;
        return ReadinessItem.newBuilder().setName(name).setStatus(status).setDetail(detail).build();
    }
}
