package io.gatehouse.messaging.outbox;

import io.gatehouse.errors.UnusableRecord;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.messaging.ConsumerFailurePolicy;
import io.gatehouse.messaging.IncomingRecords;
import io.gatehouse.messaging.RepeatedFailure;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

/**
 * What every consumer of Gatehouse events does with a record before and around its effect, in one place:
 * <ol>
 *   <li>reads its CloudEvents attributes ({@link IncomingRecords#attributesOf}); a record without a value (its body did
 *       not decode) or without readable attributes is an {@link UnusableRecord};</li>
 *   <li>picks the effect for the event's type ({@link EventEffects}); a type the consumer does not take is an
 *       {@link UnusableRecord} too, unless the consumer passes such events over;</li>
 *   <li>applies the effect under the {@link ConsumerFailurePolicy}: each attempt in a new transaction that records the
 *       event id as consumed ({@link ConsumedEvents#firstDelivery}) together with the effect, so a redelivered or
 *       retried event changes nothing and an attempt reads the state as it is now.</li>
 * </ol>
 * An {@link UnusableRecord} leaves the consumer's method, and the channel's dead-letter strategy sends the record to its
 * dead-letter topic with the reason.
 *
 * <p>A consumer of a busy topic takes its records in batches ({@link #applyBatch}): the same checks per record, then the
 * good events of the batch applied together in one transaction, and one at a time only when that fails.
 */
@ApplicationScoped
@IfBuildProperty(name = "gatehouse.outbox.enabled", stringValue = "true")
public class IncomingEvents {

    /** What applying the events of a batch together does, in one transaction; they come in their records' order. */
    @FunctionalInterface
    public interface BatchEffect<T extends SpecificRecord> {
        void apply(List<IncomingEvent<T>> events);
    }

    /** A record of a batch that passed the checks, with the event it carries. */
    private record Checked<T extends SpecificRecord>(KafkaRecord<String, SpecificRecord> message, ConsumerRecord<String, SpecificRecord> record,
                                                     IncomingEvent<T> event) {
    }

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);

    private final ConsumedEvents consumedEvents;
    private final ConsumerFailurePolicy failurePolicy;

    IncomingEvents(ConsumedEvents consumedEvents, ConsumerFailurePolicy failurePolicy) {
        this.consumedEvents = consumedEvents;
        this.failurePolicy = failurePolicy;
    }

    /** Applies {@code record}, which must be an event of {@code type}, exactly once. */
    public <T extends SpecificRecord> void applyOnce(String channel, ConsumerRecord<String, SpecificRecord> record, Class<T> type,
                                                     EventEffects.Effect<? super T> effect) {
        apply(channel, record, EventEffects.once(type, effect));
    }

    /**
     * Applies {@code record} with the effect {@code effects} names for its type.
     *
     * @param channel the incoming channel, as the readiness check names it while the record waits
     * @throws UnusableRecord when the record can never be applied
     */
    public void apply(String channel, ConsumerRecord<String, SpecificRecord> record, EventEffects effects) {
        CloudEvent event = IncomingRecords.attributesOf(record);
        SpecificRecord value = record.value();
        Optional<EventEffects.Case<?>> chosen = effects.caseFor(value);
        if (chosen.isEmpty()) {
            if (effects.othersIgnored()) {
                return;
            }
            throw new UnusableRecord(record.topic(), "expected " + effects.expected() + " but got " + value.getSchema().getFullName());
        }
        Runnable effect = chosen.get().applying(event, value);
        if (chosen.get().mode() == EventEffects.Mode.OUTSIDE_TRANSACTION) {
            failurePolicy.apply(channel, record, effect);
            return;
        }
        // The effect, the events it appends to the outbox and the consumed event id commit together, or none does.
        failurePolicy.apply(channel, record, () -> QuarkusTransaction.requiringNew().run(() -> {
            if (consumedEvents.firstDelivery(event.id(), record.topic())) {
                effect.run();
            }
        }));
    }

    /**
     * Applies the events of a batch, which must be of {@code type}, exactly once, and acknowledges every record:
     * <ol>
     *   <li>each record is checked first; one that did not decode or can never be applied is dead-lettered alone, with the
 *       reason;</li>
     *   <li>the others are applied together under the failure policy, in one transaction that records their event ids
     *       as consumed with one statement and hands {@code effect} only those not consumed before; an outage is waited
     *       out and the whole batch is tried again;</li>
     *   <li>when the batch fails for any other reason, its events are applied one at a time, each in its own transaction
     *       under the failure policy, so that only a record that cannot be applied is dead-lettered and its neighbours
     *       are applied.</li>
     * </ol>
     * The consumer's channel has {@code batch=true}; its method takes the {@link KafkaRecordBatch} and returns what this
     * returns, which completes once every record is acknowledged or dead-lettered.
     */
    public <T extends SpecificRecord> CompletionStage<Void> applyBatch(String channel, KafkaRecordBatch<String, SpecificRecord> batch, Class<T> type,
                                                                       BatchEffect<T> effect) {
        List<CompletionStage<Void>> settled = new ArrayList<>();
        List<Checked<T>> good = new ArrayList<>();
        for (KafkaRecord<String, SpecificRecord> message : batch.getRecords()) {
            ConsumerRecord<String, SpecificRecord> record = consumerRecordOf(message);
            Optional<String> undecoded = IncomingRecords.deserializationFailure(record);
            if (undecoded.isPresent()) {
                // Dead-lettered as the connector does it for a single record: with the deserializer's own report.
                settled.add(message.nack(new SerializationException(undecoded.get())));
                continue;
            }
            try {
                good.add(new Checked<>(message, record, new IncomingEvent<>(IncomingRecords.attributesOf(record), typed(record, type))));
            } catch (UnusableRecord unusable) {
                settled.add(message.nack(unusable));
            }
        }
        if (!good.isEmpty()) {
            try {
                String topic = good.get(0).record().topic();
                failurePolicy.applyTogether(channel, topic, good.size() + " records of " + topic,
                        () -> QuarkusTransaction.requiringNew().run(() -> applyFirstDeliveries(good, topic, effect)));
                good.forEach(checked -> settled.add(checked.message().ack()));
            } catch (RuntimeException notAnOutage) {
                LOG.warnf("%s could not apply %d records together (%s); it applies them one at a time", channel, good.size(), notAnOutage);
                good.forEach(checked -> settled.add(applyAlone(channel, checked, effect)));
            }
        }
        return CompletableFuture.allOf(settled.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new));
    }

    private <T extends SpecificRecord> void applyFirstDeliveries(List<Checked<T>> batch, String topic, BatchEffect<T> effect) {
        Set<String> firstDeliveries = consumedEvents.firstDeliveries(batch.stream().map(checked -> checked.event().id()).toList(), topic);
        // remove: an event the batch carries twice is applied once.
        List<IncomingEvent<T>> fresh = batch.stream().map(Checked::event).filter(event -> firstDeliveries.remove(event.id())).toList();
        if (!fresh.isEmpty()) {
            effect.apply(fresh);
        }
    }

    private <T extends SpecificRecord> CompletionStage<Void> applyAlone(String channel, Checked<T> checked, BatchEffect<T> effect) {
        try {
            failurePolicy.apply(channel, checked.record(), () -> QuarkusTransaction.requiringNew().run(() -> {
                if (consumedEvents.firstDelivery(checked.event().id(), checked.record().topic())) {
                    effect.apply(List.of(checked.event()));
                }
            }));
            return checked.message().ack();
        } catch (UnusableRecord | RepeatedFailure neverApplied) {
            return checked.message().nack(neverApplied);
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, SpecificRecord> consumerRecordOf(KafkaRecord<String, SpecificRecord> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, SpecificRecord>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("a record of a Kafka batch without its incoming metadata"));
    }

    private static <T extends SpecificRecord> T typed(ConsumerRecord<String, SpecificRecord> record, Class<T> type) {
        SpecificRecord value = record.value();
        if (!type.isInstance(value)) {
            throw new UnusableRecord(record.topic(), "expected " + type.getSimpleName() + " but got " + value.getSchema().getFullName());
        }
        return type.cast(value);
    }
}
