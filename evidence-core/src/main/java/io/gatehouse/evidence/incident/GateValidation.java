package io.gatehouse.evidence.incident;

import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.evidence.artifacts.EventRef;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * gate-N-validation.json: one of protocol 17's gates as its evaluations recorded it. Criteria and measurements are
 * whatever the evaluations carry, by metric name, so a metric incident-service adds appears without a change here.
 *
 * @param outcome the latest evaluation's outcome
 * @param evaluations every evaluation in ledger order, the latest last
 * @param waivers every waiver granted for the gate, in ledger order
 */
record GateValidation(String incidentId, boolean happened, int protocol, int gate, String name, GateOutcome outcome,
                      Evaluation latest, List<Evaluation> evaluations, List<Waiver> waivers) {

    /** Protocol 17's gates, by number (index + 1). */
    static final List<String> NAMES = List.of("Severity alignment", "Mitigation readiness", "Recovery validation",
            "Resolution & documentation");

    /**
     * @param criteria the condition each metric had to meet, by metric name
     * @param measured what was measured, by metric name; a metric may be measured without a condition and the reverse
     * @param evidence the events the evaluation cites, in the order it cites them
     */
    record Evaluation(String eventId, Instant evaluatedAt, GateOutcome outcome, SortedMap<String, String> criteria,
                      SortedMap<String, Double> measured, List<String> unmetConditions, String policyVersion, List<EventRef> evidence) {
    }

    /** @param recoveryPlan the documented recovery plan a waiver of gate 3 needs; null for other gates */
    record Waiver(String eventId, Instant grantedAt, String grantedBy, String role, String riskAssessment, String recoveryPlan) {
    }

    static String fileName(int gate) {
        return "gate-" + gate + "-validation.json";
    }

    /** The name the gate's latest evaluation gave it; protocol 17's name for it while it was never evaluated. */
    static String name(SubjectHistory history, int gate) {
        List<Recorded<GateEvaluated>> evaluations = history.evaluations(gate);
        return evaluations.isEmpty() ? NAMES.get(gate - 1) : evaluations.get(evaluations.size() - 1).event().getName();
    }

    /** The report of a gate that was evaluated at least once; a gate never evaluated has none. */
    static GateValidation of(SubjectHistory history, int gate) {
        List<Evaluation> evaluations = history.evaluations(gate).stream().map(e -> evaluation(e, history)).toList();
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("gate " + gate + " was never evaluated, so it has no validation report");
        }
        Evaluation latest = evaluations.get(evaluations.size() - 1);
        return new GateValidation(history.subject(), true, IncidentArtifacts.PROTOCOL, gate, name(history, gate), latest.outcome(),
                latest, evaluations, history.waivers(gate).stream().map(GateValidation::waiver).toList());
    }

    /**
     * What the gate rests on: its own evaluations and every event they cite as evidence. The traceability matrix says a
     * gate rests on an artifact derived from any of these.
     *
     * @return event ids, each evaluation's followed by those it cites, evaluations in ledger order
     */
    static Set<String> basis(SubjectHistory history, int gate) {
        Set<String> ids = new LinkedHashSet<>();
        for (Recorded<GateEvaluated> evaluation : history.evaluations(gate)) {
            ids.add(evaluation.eventId());
            ids.addAll(evaluation.event().getEvidenceEventIds());
        }
        return ids;
    }

    /** The recorded events the gate's report is written from: its basis and its waivers, in ledger order. */
    static List<LedgerEvent> sources(SubjectHistory history, int gate) {
        Set<String> ids = basis(history, gate);
        history.waivers(gate).forEach(w -> ids.add(w.eventId()));
        return history.events().stream().filter(e -> ids.contains(e.eventId())).toList();
    }

    private static Evaluation evaluation(Recorded<GateEvaluated> recorded, SubjectHistory history) {
        GateEvaluated e = recorded.event();
        return new Evaluation(recorded.eventId(), e.getEvaluatedAt(), e.getOutcome(), new TreeMap<>(e.getThresholds()),
                new TreeMap<>(e.getMetrics()), List.copyOf(e.getUnmetConditions()), e.getPolicyVersion(),
                e.getEvidenceEventIds().stream().map(id -> EventRef.of(id, history)).toList());
    }

    private static Waiver waiver(Recorded<GateWaiverGranted> recorded) {
        GateWaiverGranted w = recorded.event();
        return new Waiver(recorded.eventId(), w.getGrantedAt(), w.getGrantedBy(), w.getRole(), w.getRiskAssessment(), w.getRecoveryPlan());
    }
}
