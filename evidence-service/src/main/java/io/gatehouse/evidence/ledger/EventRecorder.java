package io.gatehouse.evidence.ledger;

import io.gatehouse.errors.UnusableRecord;
import io.gatehouse.evidence.log.RecordableEvent;
import io.gatehouse.messaging.ConsumerFailurePolicy;
import io.gatehouse.messaging.RepeatedFailure;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Records every event published on the domain topics in the ledger, a polled batch of records at a time. Only
 * well-formed events are evidence: a record without its CloudEvents headers, with a body that is not the event its type
 * names, or keyed by anything but its subject goes to gatehouse.evidence.dlq with the reason, alone, and the rest of its
 * batch is recorded. The well-formed events of a batch are appended in one transaction, which waits for PostgreSQL
 * however long it is away ({@link ConsumerFailurePolicy}); should that transaction fail for any other reason, the batch's
 * events are appended one at a time, so that only an event that can never be recorded is dead-lettered.
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

    /** A well-formed record of the batch and the event it carries. */
    private record Checked(KafkaRecord<String, byte[]> message, ConsumerRecord<String, byte[]> record, Ledger.Recording recording) {
    }

    @Incoming(CHANNEL)
    @Blocking // writes to PostgreSQL, and waits for it when it is away
    public CompletionStage<Void> record(KafkaRecordBatch<String, byte[]> batch) {
        List<CompletionStage<Void>> deadLetters = new ArrayList<>();
        List<Checked> wellFormed = new ArrayList<>();
        for (KafkaRecord<String, byte[]> message : batch) {
            ConsumerRecord<String, byte[]> record = consumerRecord(message);
            // The rule is RecordableEvent's, so that a replay of the log accepts exactly the records recorded here.
            RecordableEvent recordable = RecordableEvent.of(record);
            if (recordable.recordable()) {
                wellFormed.add(new Checked(message, record, new Ledger.Recording(recordable.event(), recordable.body(), record.value(),
                        new Ledger.Origin(record.topic(), record.partition(), record.offset()))));
            } else {
                deadLetters.add(message.nack(new UnusableRecord(record.topic(), recordable.problem())));
            }
        }
        if (!wellFormed.isEmpty()) {
            try {
                appendUnderPolicy(wellFormed.get(0).record(), wellFormed.stream().map(Checked::recording).toList());
            } catch (UnusableRecord | RepeatedFailure batchFailed) {
                Log.warnf("%s could not record a batch of %d events (%s): recording them one at a time", CHANNEL, wellFormed.size(),
                        batchFailed.getMessage());
                for (Checked checked : wellFormed) {
                    try {
                        appendUnderPolicy(checked.record(), List.of(checked.recording()));
                    } catch (UnusableRecord | RepeatedFailure failed) {
                        deadLetters.add(checked.message().nack(failed));
                    }
                }
            }
        }
        // The batch is acknowledged once its dead letters are written: no record's offset is committed before its fate is.
        return CompletableFuture.allOf(deadLetters.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new))
                .thenCompose(written -> batch.ack());
    }

    // A new transaction per attempt: the entries and the new chain head commit together, on the head as it is now.
    private void appendUnderPolicy(ConsumerRecord<String, byte[]> first, List<Ledger.Recording> recordings) {
        failurePolicy.apply(CHANNEL, first, () -> QuarkusTransaction.requiringNew().run(() -> ledger.append(recordings)));
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> consumerRecord(KafkaRecord<String, byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, byte[]>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("a record of channel " + CHANNEL + " without its Kafka metadata"));
    }
}
