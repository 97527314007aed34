package io.gatehouse.incident.execution;

import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.RecoveryCheck;
import io.gatehouse.events.RecoveryValidated;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.detection.Incident;
import io.gatehouse.incident.errors.ActionRefused;
import io.gatehouse.incident.gates.GateVerdict;
import io.gatehouse.incident.gates.IncidentGates;
import io.gatehouse.incident.messaging.ConsumedEvents;
import io.gatehouse.incident.messaging.Outbox;
import io.gatehouse.incident.mitigation.Mitigation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Phase 3: the rollback's execution as reported, the recovery checks, and gate 3. A failed execution or a
 * failed gate 3 sends the incident back to mitigation planning.
 */
@ApplicationScoped
public class MitigationExecution {

    private static final Logger LOG = Logger.getLogger(MitigationExecution.class);

    private final Outbox outbox;
    private final IncidentGates gates;
    private final ConsumedEvents consumedEvents;

    MitigationExecution(Outbox outbox, IncidentGates gates, ConsumedEvents consumedEvents) {
        this.outbox = outbox;
        this.gates = gates;
        this.consumedEvents = consumedEvents;
    }

    /** The bundled executor's report of a request it carried out, once per request. */
    @Transactional
    public void reportExecution(String requestEventId, RollbackRequested request, ScriptExecutor.Result result, String executor) {
        if (!consumedEvents.firstDelivery(requestEventId, Topics.ROLLBACKS)) {
            return;
        }
        RollbackExecuted executed = RollbackExecuted.newBuilder().setIncidentId(request.getIncidentId()).setRequestEventId(requestEventId)
                .setStatus(result.status()).setExecutor(executor).setStartedAt(result.startedAt())
                .setDurationMillis(result.duration().toMillis()).setOutput(result.output()).build();
        outbox.append(Topics.ROLLBACKS, request.getIncidentId(), executed, requestEventId,
                result.startedAt().plus(result.duration()).truncatedTo(ChronoUnit.MILLIS));
    }

    /** Records what the deployment system reported; a failed execution ends the attempt. */
    @Transactional
    public void recordExecution(String eventId, RollbackExecuted executed, Instant at) {
        if (!consumedEvents.firstDelivery(eventId, Topics.ROLLBACKS)) {
            return;
        }
        Mitigation mitigation = Mitigation.findById(executed.getIncidentId());
        if (mitigation == null || mitigation.rollbackRequestedAt == null) {
            LOG.warnf("RollbackExecuted %s for incident %s, which has no rollback requested; recorded in the ledger only", eventId,
                    executed.getIncidentId());
            return;
        }
        mitigation.executionStatus = executed.getStatus();
        mitigation.executionEventId = eventId;
        if (executed.getStatus() == ExecutionStatus.FAILED) {
            evaluate(Incident.findById(executed.getIncidentId()), mitigation, eventId, at);
        }
    }

    /** Recovery checks after a successful execution, then gate 3. */
    @Transactional
    public GateVerdict validateRecovery(String incidentId, String person, List<RecoveryCheck> checks) {
        Incident incident = Incident.requireOpen(incidentId, "recovery validation");
        Mitigation mitigation = Mitigation.findById(incidentId);
        if (mitigation == null || mitigation.executionStatus != ExecutionStatus.SUCCEEDED) {
            throw new ActionRefused("recovery validation", "no successful execution of the mitigation is reported for incident " + incidentId,
                    "wait for RollbackExecuted from the deployment system");
        }
        Instant at = Outbox.actionTime();
        double passRate = checks.stream().filter(RecoveryCheck::getPassed).count() / (double) checks.size();
        RecoveryValidated event = RecoveryValidated.newBuilder().setIncidentId(incidentId).setReportedBy(person).setChecks(checks)
                .setPassRate(passRate).setValidatedAt(at).build();
        mitigation.recoveryPassRate = passRate;
        mitigation.recoveryEventId = outbox.appendAction(Topics.INCIDENTS, incidentId, event, at);
        return evaluate(incident, mitigation, mitigation.recoveryEventId, at);
    }

    private GateVerdict evaluate(Incident incident, Mitigation mitigation, String causeEventId, Instant at) {
        GateVerdict verdict = gates.evaluateRecoveryValidation(incident, mitigation, causeEventId, at);
        if (verdict.outcome() == GateOutcome.FAILED) {
            mitigation.reopenPlanning();
        }
        return verdict;
    }
}
