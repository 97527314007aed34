package io.gatehouse.incident.gates;

import io.gatehouse.events.GateOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A gate's evaluation before it is published: the outcome, what was measured against which condition, and each
 * condition that did not hold, in words.
 */
public record GateVerdict(GateOutcome outcome, Map<String, Double> metrics, Map<String, String> thresholds, List<String> unmetConditions) {

    /** What the gate requires, in words: each condition it tests, as the error template's criteria. */
    public String criteria() {
        return thresholds.entrySet().stream().map(t -> t.getKey() + " " + t.getValue()).collect(Collectors.joining("; "));
    }

    /** What the gate found for each condition it tests, as the error template's actual. */
    public String actual() {
        return thresholds.keySet().stream().map(name -> metrics.containsKey(name) ? name + " = " + number(metrics.get(name)) : name + " not measured")
                .collect(Collectors.joining("; "));
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The same verdict with further measurements that no condition tests, recorded for the evidence. */
    GateVerdict measuring(Map<String, Double> more) {
        Map<String, Double> all = new TreeMap<>(metrics);
        all.putAll(more);
        return new GateVerdict(outcome, all, thresholds, unmetConditions);
    }
}
