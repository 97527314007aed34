package io.gatehouse.rehearsal.gates;

import io.gatehouse.events.GateOutcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A gate's evaluation before it is published: the outcome, what was measured against which condition, each condition
 * that did not hold (or input that is missing) in words, and the events it rests on.
 *
 * @param metrics what was measured, by the metric names of GateEvaluated; a metric whose input is missing is absent
 * @param observed each measured metric as a person reads it, e.g. {@code MEDIUM} for a drift severity of 2
 * @param thresholds the condition each metric had to meet
 */
public record GateVerdict(int gate, String name, GateOutcome outcome, Map<String, Double> metrics, Map<String, String> observed,
                          Map<String, String> thresholds, List<String> unmetConditions, List<String> evidenceEventIds) {

    public GateVerdict {
        metrics = Map.copyOf(metrics);
        observed = Collections.unmodifiableMap(new LinkedHashMap<>(observed));
        thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        unmetConditions = List.copyOf(unmetConditions);
        evidenceEventIds = List.copyOf(evidenceEventIds);
    }

    /** A verdict as it was recorded, without the words its metrics were read in: those are the numbers again. */
    public static GateVerdict recorded(int gate, String name, GateOutcome outcome, Map<String, Double> metrics, Map<String, String> thresholds,
                                       List<String> unmetConditions, List<String> evidenceEventIds) {
        Map<String, String> observed = new LinkedHashMap<>();
        metrics.forEach((metric, value) -> observed.put(metric, Numbers.format(value)));
        return new GateVerdict(gate, name, outcome, metrics, observed, thresholds, unmetConditions, evidenceEventIds);
    }

    /** Passed, or failed and validly waived: what GO needs of each gate. */
    public boolean clear() {
        return outcome == GateOutcome.PASSED || outcome == GateOutcome.WAIVED;
    }

    /** The gate's criteria in one line, as a refusal or a failure notice states them. */
    public String criteria() {
        return thresholds.entrySet().stream().map(t -> t.getKey() + " " + t.getValue()).collect(Collectors.joining("; "));
    }

    /** What was measured against {@link #criteria()}, in one line; a metric whose input is missing says so. */
    public String actual() {
        return thresholds.keySet().stream().map(metric -> metric + " " + observed.getOrDefault(metric, "not measured"))
                .collect(Collectors.joining("; "));
    }

    /** "Gate 3 Rollback and security", as people name it. */
    public String title() {
        return "Gate " + gate + " " + name;
    }
}
