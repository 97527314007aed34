package io.gatehouse.messaging.outbox;

import io.gatehouse.errors.UnusableRecord;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.messaging.ConsumerFailurePolicy;
import io.gatehouse.messaging.IncomingRecords;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

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
 */
@ApplicationScoped
@IfBuildProperty(name = "gatehouse.outbox.enabled", stringValue = "true")
public class IncomingEvents {

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
}
