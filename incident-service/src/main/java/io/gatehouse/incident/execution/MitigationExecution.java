package io.gatehouse.incident.execution;

import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.events.RecoveryCheck;
import io.gatehouse.events.RecoveryCheckKind;
import io.gatehouse.events.RecoveryValidated;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.Mitigation;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.incident.errors.ActionRefused;
import io.gatehouse.incident.gates.GateVerdict;
import io.gatehouse.incident.gates.IncidentGates;
import io.gatehouse.incident.gates.RecoveryValidationGate;
import io.gatehouse.messaging.outbox.ConsumedEvents;
import io.gatehouse.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Phase 3: the execution of the chosen mitigation as reported, the recovery checks, gate 3 and its waiver. A failed
 * execution or a failed gate 3 sends the incident back to mitigation planning.
 */
@ApplicationScoped
public class MitigationExecution {

    /** Smoke tests and health checks: the checks gate 3 reports as critical. */
    private static final Set<RecoveryCheckKind> CRITICAL = Set.of(RecoveryCheckKind.SMOKE_TEST, RecoveryCheckKind.HEALTH_CHECK);
    private static final Logger LOG = Logger.getLogger(MitigationExecution.class);

    /** What carrying out a command came to, as any executor reports it. */
    public record Report(String incidentId, ExecutionStatus status) {
    }

    private final Outbox outbox;
    private final IncidentGates gates;
    private final ConsumedEvents consumedEvents;

    MitigationExecution(Outbox outbox, IncidentGates gates, ConsumedEvents consumedEvents) {
        this.outbox = outbox;
        this.gates = gates;
        this.consumedEvents = consumedEvents;
    }

    /** The bundled executor's report of a command it carried out, once per command. */
    @Transactional
    public void reportExecution(String requestEventId, ScriptExecutor.Command command, ScriptExecutor.Result result, String executor) {
        if (!consumedEvents.firstDelivery(requestEventId, Topics.ROLLBACKS)) {
            return;
        }
        Instant finished = result.startedAt().plus(result.duration()).truncatedTo(ChronoUnit.MILLIS);
        if (command.kind() == MitigationKind.ROLLBACK) {
            outbox.append(Topics.ROLLBACKS, command.incidentId(), RollbackExecuted.newBuilder().setIncidentId(command.incidentId())
                    .setRequestEventId(requestEventId).setStatus(result.status()).setExecutor(executor).setStartedAt(result.startedAt())
                    .setDurationMillis(result.duration().toMillis()).setOutput(result.output()).build(), requestEventId, finished);
        } else {
            outbox.append(Topics.ROLLBACKS, command.incidentId(), MitigationExecuted.newBuilder().setIncidentId(command.incidentId())
                    .setRequestEventId(requestEventId).setKind(command.kind()).setStatus(result.status()).setExecutor(executor)
                    .setStartedAt(result.startedAt()).setDurationMillis(result.duration().toMillis()).setOutput(result.output()).build(),
                    requestEventId, finished);
        }
    }

    /**
     * Records what the deployment system reported (RollbackExecuted or MitigationExecuted); a failed execution fails gate 3.
     * Runs in the consumer's transaction, which records the report as consumed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordExecution(String eventId, Report report, Instant at) {
        Incident incident = Incident.lock(report.incidentId());
        Optional<Mitigation> mitigation = Mitigation.of(incident).filter(m -> m.executionRequestedAt() != null);
        if (mitigation.isEmpty()) {
            LOG.warnf("execution report %s for incident %s, which has no execution requested; recorded in the ledger only", eventId,
                    report.incidentId());
            return;
        }
        mitigation.get().recordExecution(report.status(), eventId);
        if (report.status() == ExecutionStatus.FAILED) {
            gates.evaluateRecoveryValidation(incident, mitigation.get(), eventId, at);
        }
    }

    /** Recovery checks after a successful execution, then gate 3. */
    @Transactional
    public GateVerdict validateRecovery(String incidentId, String person, List<RecoveryCheck> checks) {
        Incident incident = Incident.lockOpen(incidentId, "recovery validation");
        Mitigation mitigation = Mitigation.of(incident).filter(m -> m.executionStatus() == ExecutionStatus.SUCCEEDED)
                .orElseThrow(() -> new ActionRefused("recovery validation", "no successful execution of the mitigation is reported for incident "
                        + incidentId, "wait for RollbackExecuted or MitigationExecuted from the deployment system"));
        Instant at = Outbox.actionTime();
        double passRate = checks.stream().filter(RecoveryCheck::getPassed).count() / (double) checks.size();
        List<RecoveryCheck> critical = checks.stream().filter(c -> CRITICAL.contains(c.getKind())).toList();
        RecoveryValidated event = RecoveryValidated.newBuilder().setIncidentId(incidentId).setReportedBy(person).setChecks(checks)
                .setPassRate(passRate).setValidatedAt(at).build();
        String eventId = outbox.appendAction(Topics.INCIDENTS, incidentId, event, at);
        mitigation.recordRecovery(passRate, critical.size(), (int) critical.stream().filter(RecoveryCheck::getPassed).count(), eventId, at);
        return gates.evaluateRecoveryValidation(incident, mitigation, eventId, at);
    }

    /** The incident commander waives gate 3 with a documented recovery plan, once the mitigation was executed. */
    @Transactional
    public GateVerdict waiveRecoveryValidation(String incidentId, String commander, String riskAssessment, String recoveryPlan) {
        Incident incident = Incident.lockOpen(incidentId, "gate 3 waiver");
        Mitigation mitigation = Mitigation.planned(incident, "gate 3 waiver");
        if (mitigation.gate3Outcome() == null && mitigation.executionStatus() == null) {
            throw new ActionRefused("gate 3 waiver", "the mitigation of incident " + incidentId + " has not been executed",
                    "execute the mitigation first (POST /v1/incidents/" + incidentId + "/mitigation/execution)");
        }
        if (mitigation.recoveryAccepted()) {
            throw new ActionRefused("gate 3 waiver", "gate 3 is " + mitigation.gate3Outcome() + " already", "nothing to waive");
        }
        Instant at = Outbox.actionTime();
        GateWaiverGranted event = GateWaiverGranted.newBuilder().setSubject(incidentId).setProtocol(17).setGate(RecoveryValidationGate.NUMBER)
                .setGrantedBy(commander).setRole(Roles.INCIDENT_COMMANDER).setRiskAssessment(riskAssessment).setRecoveryPlan(recoveryPlan)
                .setGrantedAt(at).build();
        String eventId = outbox.appendAction(Topics.INCIDENTS, incidentId, event, at);
        mitigation.waiveGateThree(eventId);
        return gates.evaluateRecoveryValidation(incident, mitigation, eventId, at);
    }
}
