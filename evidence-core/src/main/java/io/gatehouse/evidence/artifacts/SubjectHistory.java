package io.gatehouse.evidence.artifacts;

import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateWaiverGranted;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * A subject's events in ledger order, looked up by their generated class.
 *
 * @see #evaluations(int)
 */
public final class SubjectHistory {

    private final String subject;
    private final int protocol;
    private final List<LedgerEvent> events;
    private final Map<String, LedgerEvent> byId;

    /**
     * @param protocol whose gates the subject passes: {@link #evaluations(int)} and {@link #waivers(int)} read only
     *     this protocol's
     */
    public SubjectHistory(String subject, int protocol, List<LedgerEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no events recorded about " + subject);
        }
        this.subject = subject;
        this.protocol = protocol;
        this.events = List.copyOf(events);
        this.byId = events.stream().collect(Collectors.toMap(LedgerEvent::eventId, Function.identity(), (first, again) -> first));
    }

    /** The incident or release id. */
    public String subject() {
        return subject;
    }

    public List<LedgerEvent> events() {
        return events;
    }

    public <T extends SpecificRecord> List<Recorded<T>> all(Class<T> type) {
        return events.stream().filter(e -> type.isInstance(e.event())).map(e -> new Recorded<>(e, e.as(type))).toList();
    }

    public <T extends SpecificRecord> Optional<Recorded<T>> latest(Class<T> type) {
        List<Recorded<T>> all = all(type);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The events of any of these types, in ledger order. */
    @SafeVarargs
    public final List<LedgerEvent> of(Class<? extends SpecificRecord>... types) {
        return of(List.of(types));
    }

    public List<LedgerEvent> of(List<Class<? extends SpecificRecord>> types) {
        return events.stream().filter(e -> types.stream().anyMatch(t -> t.isInstance(e.event()))).toList();
    }

    /** The subject's event with this id; empty when the ledger holds no such event of the subject. */
    public Optional<LedgerEvent> event(String eventId) {
        return Optional.ofNullable(byId.get(eventId));
    }

    /** The evaluations of one of the protocol's gates, in ledger order. */
    public List<Recorded<GateEvaluated>> evaluations(int gate) {
        return all(GateEvaluated.class).stream()
                .filter(g -> g.event().getProtocol() == protocol && g.event().getGate() == gate).toList();
    }

    /** The waivers granted for one of the protocol's gates, in ledger order. */
    public List<Recorded<GateWaiverGranted>> waivers(int gate) {
        return all(GateWaiverGranted.class).stream()
                .filter(w -> w.event().getProtocol() == protocol && w.event().getGate() == gate).toList();
    }

    public LedgerEvent last() {
        return events.get(events.size() - 1);
    }

    /** The latest fact time: what an artifact describing "nothing yet" is as of. */
    public Instant latestTime() {
        return latestTime(events);
    }

    public static Instant latestTime(List<LedgerEvent> events) {
        return events.stream().map(LedgerEvent::time).max(Instant::compareTo).orElseThrow();
    }
}
