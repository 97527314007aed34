package io.gatehouse.incident.execution;

import io.gatehouse.errors.UnusableRecord;
import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.incident.messaging.ConsumedEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes gatehouse.rollbacks: the deployment system's reports (RollbackExecuted, MitigationExecuted), and, when a
 * script is configured ({@code gatehouse.rollback.executor.script}, local runs), the commands (RollbackRequested,
 * MitigationExecutionRequested) it then carries out. The script runs outside any transaction (it may take minutes); a
 * crash before its report is recorded runs it again on redelivery, so mitigation scripts must be safe to repeat.
 */
@ApplicationScoped
public class RollbacksConsumer {

    private final MitigationExecution execution;
    private final ConsumedEvents consumedEvents;
    private final Optional<String> script;

    RollbacksConsumer(MitigationExecution execution, ConsumedEvents consumedEvents,
                      @ConfigProperty(name = "gatehouse.rollback.executor.script") Optional<String> script) {
        this.execution = execution;
        this.consumedEvents = consumedEvents;
        this.script = script.filter(s -> !s.isBlank());
    }

    @Incoming("rollbacks-in")
    @Blocking // runs a script and writes to PostgreSQL
    @Retry(maxRetries = 20, delay = 500, jitter = 250, maxDuration = 60_000, abortOn = UnusableRecord.class)
    public void onRollbackEvent(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            throw new UnusableRecord(record.topic(), "the record has no value");
        }
        CloudEvent event;
        try {
            event = CloudEvent.readFrom(record.headers());
        } catch (IllegalArgumentException e) {
            throw new UnusableRecord(record.topic(), e.getMessage());
        }
        SpecificRecord value = record.value();
        if (value instanceof RollbackExecuted executed) {
            execution.recordExecution(event.id(), new MitigationExecution.Report(executed.getIncidentId(), executed.getStatus()), event.time());
        } else if (value instanceof MitigationExecuted executed) {
            execution.recordExecution(event.id(), new MitigationExecution.Report(executed.getIncidentId(), executed.getStatus()), event.time());
        } else if (value instanceof RollbackRequested requested) {
            carryOut(event.id(), ScriptExecutor.Command.of(requested));
        } else if (value instanceof MitigationExecutionRequested requested) {
            carryOut(event.id(), ScriptExecutor.Command.of(requested));
        } else {
            throw new UnusableRecord(record.topic(), "expected a mitigation command or report but got " + value.getSchema().getFullName());
        }
    }

    private void carryOut(String requestEventId, ScriptExecutor.Command command) {
        if (script.isPresent() && !consumedEvents.wasConsumed(requestEventId)) {
            execution.reportExecution(requestEventId, command, ScriptExecutor.run(script.get(), command), script.get());
        }
    }
}
