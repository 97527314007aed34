package io.gatehouse.messaging.outbox;

import io.gatehouse.events.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a consumer does with each type of event it takes, for {@link IncomingEvents}: chosen by the event's class, as
 * decoded from its schema. A type the consumer does not list is a record it cannot use (dead-lettered), unless the
 * topic carries other events that are simply not for it ({@link #otherTypesIgnored()}).
 */
public final class EventEffects {

    /** What applying one event does. */
    @FunctionalInterface
    public interface Effect<T extends SpecificRecord> {
        void apply(CloudEvent event, T value);
    }

    /** How an effect runs: once, in a new transaction with the consumed event id, or on its own. */
    enum Mode { ONCE, OUTSIDE_TRANSACTION }

    /** The effect for one type of event. */
    record Case<T extends SpecificRecord>(Class<T> type, Mode mode, Effect<? super T> effect) {

        Runnable applying(CloudEvent event, SpecificRecord value) {
            T typed = type.cast(value);
            return () -> effect.apply(event, typed);
        }
    }

    private final List<Case<?>> cases;
    private final boolean othersIgnored;

    private EventEffects(List<Case<?>> cases, boolean othersIgnored) {
        this.cases = List.copyOf(cases);
        this.othersIgnored = othersIgnored;
    }

    /**
     * An event of {@code type} is applied exactly once: its id is recorded as consumed in the transaction of the effect,
     * and a redelivery changes nothing.
     */
    public static <T extends SpecificRecord> EventEffects once(Class<T> type, Effect<? super T> effect) {
        return new EventEffects(List.of(), false).orOnce(type, effect);
    }

    /** As {@link #once}, for another type of event. */
    public <T extends SpecificRecord> EventEffects orOnce(Class<T> type, Effect<? super T> effect) {
        return with(new Case<>(type, Mode.ONCE, effect));
    }

    /**
     * An event of {@code type} is applied by an effect that must not run inside one transaction (a script that takes
     * minutes): it runs under the failure policy as it is, and keeps its own exactly-once with {@link ConsumedEvents}.
     */
    public <T extends SpecificRecord> EventEffects orOutsideTransaction(Class<T> type, Effect<? super T> effect) {
        return with(new Case<>(type, Mode.OUTSIDE_TRANSACTION, effect));
    }

    /** Events of other types are not for this consumer: they are passed over, neither applied nor dead-lettered. */
    public EventEffects otherTypesIgnored() {
        return new EventEffects(cases, true);
    }

    /** The case for {@code value}'s type; empty when the consumer does not take it. */
    Optional<Case<?>> caseFor(SpecificRecord value) {
        return cases.stream().filter(c -> c.type().isInstance(value)).findFirst();
    }

    boolean othersIgnored() {
        return othersIgnored;
    }

    /** The types this consumer takes, in words, for the reason a record it cannot use is dead-lettered with. */
    String expected() {
        List<String> names = cases.stream().map(c -> c.type().getSimpleName()).toList();
        return names.size() == 1 ? names.get(0)
                : names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + names.get(names.size() - 1);
    }

    private EventEffects with(Case<?> added) {
        List<Case<?>> all = new ArrayList<>(cases);
        all.add(added);
        return new EventEffects(all, othersIgnored);
    }
}
