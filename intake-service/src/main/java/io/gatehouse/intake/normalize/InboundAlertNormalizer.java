package io.gatehouse.intake.normalize;

import io.gatehouse.errors.UnusableRecord;
import io.gatehouse.messaging.ConsumerFailurePolicy;
import io.gatehouse.messaging.RepeatedFailure;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
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
        // Each payload's alerts are sent as soon as it is read, so the broker stores them while the rest is read.
        List<CompletableFuture<Void>> sentWhileReading = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch) {
            NormalizedPayload payload;
            try {
                payload = NormalizedPayload.of(record);
            } catch (RuntimeException unreadable) {
                // Nacked alone, the record goes to alerts.inbound.dlq with this reason, as it would outside a batch.
                deadLetters.add(record.nack(unreadable));
                continue;
            }
            normalized.add(payload);
            sentWhileReading.addAll(send(List.of(payload)));
        }
        if (!normalized.isEmpty()) {
            AtomicBoolean firstAttempt = new AtomicBoolean(true);
            try {
                // An attempt after a failure sends every alert again, with the same ids: consumers drop the repeats.
                failurePolicy.apply(CHANNEL, normalized.get(0).consumerRecord(),
                        () -> awaitAcknowledgements(firstAttempt.getAndSet(false) ? sentWhileReading : send(normalized)));
            } catch (UnusableRecord | RepeatedFailure batchRefused) {
                // Something in the batch is refused while the broker answers: one payload at a time finds which.
                deadLetters.addAll(publishOneAtATime(normalized));
            }
        }
        // Dead letters are stored before the offsets behind them are committed, so a crash loses none.
        deadLetters.forEach(deadLetter -> deadLetter.toCompletableFuture().join());
        return batch.ack();
    }

    private List<CompletionStage<Void>> publishOneAtATime(List<NormalizedPayload> normalized) {
        List<CompletionStage<Void>> deadLetters = new ArrayList<>();
        for (NormalizedPayload payload : normalized) {
            try {
                failurePolicy.apply(CHANNEL, payload.consumerRecord(), () -> awaitAcknowledgements(send(List.of(payload))));
            } catch (UnusableRecord | RepeatedFailure refused) {
                deadLetters.add(payload.record().nack(refused));
            }
        }
        return deadLetters;
    }

    /** Sends every alert of {@code payloads} in order, without waiting; each future completes when the broker has it. */
    private List<CompletableFuture<Void>> send(List<NormalizedPayload> payloads) {
        List<CompletableFuture<Void>> acknowledgements = new ArrayList<>();
        for (NormalizedPayload payload : payloads) {
            payload.messages().forEach(message -> acknowledgements.add(alerts.sendMessage(message).subscribeAsCompletionStage()));
        }
        return acknowledgements;
    }

    /** Returns once the broker has acknowledged every one, or throws the failure of one it refused or never answered. */
    private static void awaitAcknowledgements(List<CompletableFuture<Void>> acknowledgements) {
        CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new)).join();
    }
}
