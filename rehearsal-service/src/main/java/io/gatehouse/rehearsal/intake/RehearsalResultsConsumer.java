package io.gatehouse.rehearsal.intake;

import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.messaging.outbox.IncomingEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes gatehouse.rehearsals. A record that is not a readable RehearsalResultReceived CloudEvent, or one the gates
 * could never read, goes to gatehouse.rehearsals.dlq with the reason at once, and consumption carries on with the next
 * record. A good event is applied exactly once under the shared failure policy ({@link IncomingEvents}): it waits out
 * an outage of PostgreSQL however long it lasts, and a lost race is retried as a whole.
 */
@ApplicationScoped
public class RehearsalResultsConsumer {

    public static final String CHANNEL = "rehearsals-in";

    private final IncomingEvents incoming;
    private final ResultIntake intake;

    RehearsalResultsConsumer(IncomingEvents incoming, ResultIntake intake) {
        this.incoming = incoming;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking // writes to PostgreSQL, and may wait for it
    public void onResult(ConsumerRecord<String, SpecificRecord> record) {
        incoming.applyOnce(CHANNEL, record, RehearsalResultReceived.class, (event, result) -> intake.apply(record.topic(), event, result));
    }
}
