package io.gatehouse.evidence.artifacts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** An incident's events in ledger order, looked up by their generated class. */
final class IncidentHistory {

    private final String incidentId;
    private final List<LedgerEvent> events;

    IncidentHistory(String incidentId, List<LedgerEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no events recorded about " + incidentId);
        }
        this.incidentId = incidentId;
        this.events = List.copyOf(events);
    }

    String incidentId() {
        return incidentId;
    }

    List<LedgerEvent> events() {
        return events;
    }

    <T extends SpecificRecord> List<Recorded<T>> all(Class<T> type) {
        return events.stream().filter(e -> type.isInstance(e.event())).map(e -> new Recorded<>(e, e.as(type))).toList();
    }

    <T extends SpecificRecord> Optional<Recorded<T>> latest(Class<T> type) {
        List<Recorded<T>> all = all(type);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The events of any of these types, in ledger order. */
    @SafeVarargs
    final List<LedgerEvent> of(Class<? extends SpecificRecord>... types) {
        return of(List.of(types));
    }

    List<LedgerEvent> of(List<Class<? extends SpecificRecord>> types) {
        return events.stream().filter(e -> types.stream().anyMatch(t -> t.isInstance(e.event()))).toList();
    }

    LedgerEvent last() {
        return events.get(events.size() - 1);
    }

    /** The latest fact time: what an artifact describing "nothing yet" is as of. */
    Instant latestTime() {
        return latestTime(events);
    }

    static Instant latestTime(List<LedgerEvent> events) {
        return events.stream().map(LedgerEvent::time).max(Instant::compareTo).orElseThrow();
    }
}
