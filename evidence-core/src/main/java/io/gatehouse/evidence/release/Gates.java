package io.gatehouse.evidence.release;

import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.evidence.artifacts.EventRef;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** Protocol 14's gates as rehearsal-service evaluated them; evidence repeats their verdicts, it never reaches its own. */
final class Gates {

    static final int PROTOCOL = 14;
    /** The gates' names, by number (index + 1). */
    static final List<String> NAMES = List.of("Intake confirmation", "Deployment rehearsal", "Rollback and security", "Readiness approval");
    /** Who may waive each gate, by number (index + 1). */
    static final List<String> WAIVERS = List.of("the release manager, with a written risk assessment",
            "not permitted: a successful deployment rehearsal is mandatory",
            "the CISO and the CTO, each with a written risk assessment and compensating controls",
            "not permitted: the readiness approvals are mandatory");

    private Gates() {
    }

    /**
     * A gate's latest evaluation.
     *
     * @param outcome NOT_EVALUATED, with no evaluation, while the gate was never evaluated
     * @param thresholds the condition each metric had to meet, by metric name
     * @param metrics what was measured, by metric name; a metric whose input is missing is absent
     * @param evidence the events the evaluation cites (type null for one the release's ledger does not hold)
     */
    record GateStatus(int gate, String name, GateOutcome outcome, String evaluationEventId, Instant evaluatedAt,
                      SortedMap<String, String> thresholds, SortedMap<String, Double> metrics, List<String> unmetConditions,
                      String policyVersion, List<EventRef> evidence) {
    }

    static GateStatus status(SubjectHistory history, int gate) {
        Optional<Recorded<GateEvaluated>> latest = latest(history, gate);
        if (latest.isEmpty()) {
            return new GateStatus(gate, NAMES.get(gate - 1), GateOutcome.NOT_EVALUATED, null, null, new TreeMap<>(), new TreeMap<>(), List.of(),
                    null, List.of());
        }
        GateEvaluated e = latest.get().event();
        return new GateStatus(gate, e.getName(), e.getOutcome(), latest.get().eventId(), e.getEvaluatedAt(), new TreeMap<>(e.getThresholds()),
                new TreeMap<>(e.getMetrics()), List.copyOf(e.getUnmetConditions()), e.getPolicyVersion(),
                e.getEvidenceEventIds().stream().map(id -> EventRef.of(id, history)).toList());
    }

    static List<GateStatus> all(SubjectHistory history) {
        return IntStream.rangeClosed(1, NAMES.size()).mapToObj(gate -> status(history, gate)).toList();
    }

    static Optional<Recorded<GateEvaluated>> latest(SubjectHistory history, int gate) {
        List<Recorded<GateEvaluated>> evaluations = history.evaluations(gate);
        return evaluations.isEmpty() ? Optional.empty() : Optional.of(evaluations.get(evaluations.size() - 1));
    }

    /** The ledger events of the gate's evaluations, in ledger order. */
    static List<LedgerEvent> evaluations(SubjectHistory history, int gate) {
        return history.evaluations(gate).stream().map(Recorded::source).toList();
    }

    /** The ledger events of every evaluation of protocol 14's gates, in ledger order. */
    static List<LedgerEvent> evaluations(SubjectHistory history) {
        return history.all(GateEvaluated.class).stream().filter(e -> e.event().getProtocol() == PROTOCOL).map(Recorded::source).toList();
    }
}
