package io.gatehouse.evidence.ledger;

import io.gatehouse.errors.UnusableRecord;
import io.gatehouse.evidence.log.RecordableEvent;
import io.gatehouse.messaging.ConsumerFailurePolicy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Records every event published on the domain topics in the ledger. Only well-formed events are evidence: a
 * record without its CloudEvents headers, with a body that is not the event its type names, or keyed by anything
 * but its subject goes to gatehouse.evidence.dlq with the reason, and recording carries on. A well-formed event
 * waits for PostgreSQL however long it is away ({@link ConsumerFailurePolicy}).
 */
@ApplicationScoped
public class EventRecorder {

    public static final String CHANNEL = "domain-events-in";

    private final Ledger ledger;
    private final ConsumerFailurePolicy failurePolicy;

    EventRecorder(Ledger ledger, ConsumerFailurePolicy failurePolicy) {
        this.ledger = ledger;
        this.failurePolicy = failurePolicy;
    }

    @Incoming(CHANNEL)
    @Blocking // writes to PostgreSQL, and waits for it when it is away
    public void record(ConsumerRecord<String, byte[]> record) {
        RecordableEvent recordable = wellFormed(record);
        Ledger.Origin origin = new Ledger.Origin(record.topic(), record.partition(), record.offset());
        // A new transaction per attempt: the entry and the new chain head commit together, on the head as it is now.
        failurePolicy.apply(CHANNEL, record, () -> QuarkusTransaction.requiringNew()
                .run(() -> ledger.append(recordable.event(), recordable.body(), record.value(), origin)));
    }

    // The rule is RecordableEvent's, so that a replay of the log accepts exactly the records recorded here.
    private static RecordableEvent wellFormed(ConsumerRecord<String, byte[]> record) {
        RecordableEvent recordable = RecordableEvent.of(record);
        if (!recordable.recordable()) {
            throw new UnusableRecord(record.topic(), recordable.problem());
        }
        return recordable;
    }
}
