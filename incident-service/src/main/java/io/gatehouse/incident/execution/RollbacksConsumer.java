package io.gatehouse.incident.execution;

import io.gatehouse.errors.UnusableRecord;
import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.incident.messaging.ConsumedEvents;
import io.gatehouse.messaging.ConsumerFailurePolicy;
import io.gatehouse.messaging.IncomingRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes gatehouse.rollbacks: the deployment system's reports (RollbackExecuted, MitigationExecuted), and, when a
 * script is configured ({@code gatehouse.rollback.executor.script}, local runs), the commands (RollbackRequested,
 * MitigationExecutionRequested) it then carries out. The script runs outside any transaction (it may take minutes); a
 * crash before its report is recorded, or an outage that makes the shared failure policy try again, runs it again, so
 * mitigation scripts must be safe to repeat.
 */
@ApplicationScoped
public class RollbacksConsumer {

    static final String CHANNEL = "rollbacks-in";

    private final MitigationExecution execution;
    private final ConsumedEvents consumedEvents;
    private final ConsumerFailurePolicy failurePolicy;
    private final Optional<String> script;

    RollbacksConsumer(MitigationExecution execution, ConsumedEvents consumedEvents, ConsumerFailurePolicy failurePolicy,
                      @ConfigProperty(name = "gatehouse.rollback.executor.script") Optional<String> script) {
        this.execution = execution;
        this.consumedEvents = consumedEvents;
        this.failurePolicy = failurePolicy;
        this.script = script.filter(s -> !s.isBlank());
    }

    @Incoming(CHANNEL)
    @Blocking // runs a script and writes to PostgreSQL, and may wait for it
    public void onRollbackEvent(ConsumerRecord<String, SpecificRecord> record) {
        CloudEvent event = IncomingRecords.attributesOf(record);
        SpecificRecord value = record.value();
        Runnable unitOfWork;
        if (value instanceof RollbackExecuted executed) {
            unitOfWork = () -> execution.recordExecution(event.id(), new MitigationExecution.Report(executed.getIncidentId(), executed.getStatus()),
                    event.time());
        } else if (value instanceof MitigationExecuted executed) {
            unitOfWork = () -> execution.recordExecution(event.id(), new MitigationExecution.Report(executed.getIncidentId(), executed.getStatus()),
                    event.time());
        } else if (value instanceof RollbackRequested requested) {
            unitOfWork = () -> carryOut(event.id(), ScriptExecutor.Command.of(requested));
        } else if (value instanceof MitigationExecutionRequested requested) {
            unitOfWork = () -> carryOut(event.id(), ScriptExecutor.Command.of(requested));
        } else {
            throw new UnusableRecord(record.topic(), "expected a mitigation command or report but got " + value.getSchema().getFullName());
        }
        // Each @Transactional step of the unit of work is a transaction of its own, so a retry reads the state as it is now.
        failurePolicy.apply(CHANNEL, record, unitOfWork);
    }

    private void carryOut(String requestEventId, ScriptExecutor.Command command) {
        if (script.isPresent() && !consumedEvents.wasConsumed(requestEventId)) {
            execution.reportExecution(requestEventId, command, ScriptExecutor.run(script.get(), command), script.get());
        }
    }
}
