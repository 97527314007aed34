package io.gatehouse.intake.normalize;

import io.gatehouse.errors.UnusableRecord;
import io.gatehouse.messaging.ConsumerFailurePolicy;
import io.gatehouse.messaging.RepeatedFailure;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Reads every raw payload on alerts.inbound, whoever wrote it, and publishes one AlertReceived per alert on
 * gatehouse.alerts, a polled batch of payloads at a time. A payload that cannot be normalized goes alone to
 * alerts.inbound.dlq with the reason; the others of its batch are published as usual. Every alert of a batch is sent
 * before the first acknowledgement is awaited, so the broker's round trip is paid once per batch, not once per alert;
 * the batch's offsets are committed only once the broker has them all. Publishing waits for the broker however long it
 * is away ({@link ConsumerFailurePolicy}).
 */
@ApplicationScoped
public class InboundAlertNormalizer {

    public static final String CHANNEL = "alerts-inbound-in";

    private final MutinyEmitter<SpecificRecord> alerts;
    private final ConsumerFailurePolicy failurePolicy;

    // A batch's alerts are all sent before any acknowledgement is awaited, however many its payloads hold; they are
    // in memory already, so buffering them for the sink costs nothing more.
    InboundAlertNormalizer(@Channel("alerts-out") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<SpecificRecord> alerts,
                           ConsumerFailurePolicy failurePolicy) {
        this.alerts = alerts;
        this.failurePolicy = failurePolicy;
    }

    @Incoming(CHANNEL)
    @Blocking // the batch is acknowledged only after the broker has every alert normalized from it
    public CompletionStage<Void> normalize(KafkaRecordBatch<String, byte[]> batch) {
        List<CompletionStage<Void>> deadLetters = new ArrayList<>();
        List<NormalizedPayload> normalized = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch) {
            try {
                normalized.add(NormalizedPayload.of(record));
            } catch (RuntimeException unreadable) {
                // Nacked alone, the record goes to alerts.inbound.dlq with this reason, as it would outside a batch.
                deadLetters.add(record.nack(unreadable));
            }
        }
        if (!normalized.isEmpty()) {
            try {
                // An attempt after a failure publishes every alert again, with the same ids: consumers drop the repeats.
                failurePolicy.apply(CHANNEL, normalized.get(0).consumerRecord(), () -> publish(normalized));
            } catch (UnusableRecord | RepeatedFailure batchRefused) {
                // Something in the batch is refused while the broker answers: one payload at a time finds which.
                deadLetters.addAll(publishOneAtATime(normalized));
            }
        }
        // Dead letters are stored before the offsets behind them are committed, so a crash loses none.
        CompletableFuture.allOf(deadLetters.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new)).join();
        return batch.ack();
    }

    private List<CompletionStage<Void>> publishOneAtATime(List<NormalizedPayload> normalized) {
        List<CompletionStage<Void>> deadLetters = new ArrayList<>();
        for (NormalizedPayload payload : normalized) {
            try {
                failurePolicy.apply(CHANNEL, payload.consumerRecord(), () -> publish(List.of(payload)));
            } catch (UnusableRecord | RepeatedFailure refused) {
                deadLetters.add(payload.record().nack(refused));
            }
        }
        return deadLetters;
    }

    /** Sends every alert of {@code payloads} in order, then waits until the broker has acknowledged them all. */
    private void publish(List<NormalizedPayload> payloads) {
        List<Uni<Void>> acknowledgements = new ArrayList<>();
        for (NormalizedPayload payload : payloads) {
            payload.messages().forEach(message -> acknowledgements.add(alerts.sendMessage(message)));
        }
        if (!acknowledgements.isEmpty()) {
            Uni.join().all(acknowledgements).andCollectFailures().await().indefinitely();
        }
    }
}
