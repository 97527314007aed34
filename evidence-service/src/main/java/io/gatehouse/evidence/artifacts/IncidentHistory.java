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

/** An incident's events in ledger order, looked up by their generated class. */
final class IncidentHistory {

    private final String incidentId;
    private final List<LedgerEvent> events;
    private final Map<String, LedgerEvent> byId;

    IncidentHistory(String incidentId, List<LedgerEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no events recorded about " + incidentId);
        }
        this.incidentId = incidentId;
        this.events = List.copyOf(events);
        this.byId = events.stream().collect(Collectors.toMap(LedgerEvent::eventId, Function.identity(), (first, again) -> first));
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

    /** The incident's event with this id; empty when the ledger holds no such event of the incident. */
    Optional<LedgerEvent> event(String eventId) {
        return Optional.ofNullable(byId.get(eventId));
    }

    /** The evaluations of one of protocol 17's gates, in ledger order. */
    List<Recorded<GateEvaluated>> evaluations(int gate) {
        return all(GateEvaluated.class).stream()
                .filter(g -> g.event().getProtocol() == IncidentEvidenceRenderer.PROTOCOL && g.event().getGate() == gate).toList();
    }

    /** The waivers granted for one of protocol 17's gates, in ledger order. */
    List<Recorded<GateWaiverGranted>> waivers(int gate) {
        return all(GateWaiverGranted.class).stream()
                .filter(w -> w.event().getProtocol() == IncidentEvidenceRenderer.PROTOCOL && w.event().getGate() == gate).toList();
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
