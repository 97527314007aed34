package io.gatehouse.incident.execution;

import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.messaging.outbox.ConsumedEvents;
import io.gatehouse.messaging.outbox.EventEffects;
import io.gatehouse.messaging.outbox.IncomingEvents;
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
 * MitigationExecutionRequested) it then carries out. A report is applied exactly once in a transaction of its own. The
 * script runs outside any transaction (it may take minutes); a crash before its report is recorded, or an outage that
 * makes the shared failure policy try again, runs it again, so mitigation scripts must be safe to repeat.
 */
@ApplicationScoped
public class RollbacksConsumer {

    static final String CHANNEL = "rollbacks-in";

    /** What this consumer does with each event on gatehouse.rollbacks; anything else is dead-lettered. */
    private final EventEffects effects;
    private final IncomingEvents incoming;
    private final MitigationExecution execution;
    private final ConsumedEvents consumedEvents;
    private final Optional<String> script;

    RollbacksConsumer(IncomingEvents incoming, MitigationExecution execution, ConsumedEvents consumedEvents,
                      @ConfigProperty(name = "gatehouse.rollback.executor.script") Optional<String> script) {
        this.incoming = incoming;
        this.execution = execution;
        this.consumedEvents = consumedEvents;
        this.script = script.filter(s -> !s.isBlank());
        this.effects = EventEffects
                .once(RollbackExecuted.class, (event, executed) -> execution.recordExecution(event.id(),
                        new MitigationExecution.Report(executed.getIncidentId(), executed.getStatus()), event.time()))
                .orOnce(MitigationExecuted.class, (event, executed) -> execution.recordExecution(event.id(),
                        new MitigationExecution.Report(executed.getIncidentId(), executed.getStatus()), event.time()))
                .orOutsideTransaction(RollbackRequested.class, (event, requested) -> carryOut(event.id(), ScriptExecutor.Command.of(requested)))
                .orOutsideTransaction(MitigationExecutionRequested.class,
                        (event, requested) -> carryOut(event.id(), ScriptExecutor.Command.of(requested)));
    }

    @Incoming(CHANNEL)
    @Blocking // runs a script and writes to PostgreSQL, and may wait for it
    public void onRollbackEvent(ConsumerRecord<String, SpecificRecord> record) {
        incoming.apply(CHANNEL, record, effects);
    }

    /** Runs the script for a command not carried out yet; its report records the command as consumed. */
    private void carryOut(String requestEventId, ScriptExecutor.Command command) {
        if (script.isPresent() && !consumedEvents.wasConsumed(requestEventId)) {
            execution.reportExecution(requestEventId, command, ScriptExecutor.run(script.get(), command), script.get());
        }
    }
}
