package io.gatehouse.incident.gates;

import io.gatehouse.events.GateOutcome;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A gate's evaluation before it is published: the outcome, what was measured against which condition, and each
 * condition that did not hold, in words.
 */
public record GateVerdict(GateOutcome outcome, Map<String, Double> metrics, Map<String, String> thresholds, List<String> unmetConditions) {

    /** The same verdict with further measurements that no condition tests, recorded for the evidence. */
    GateVerdict measuring(Map<String, Double> more) {
        Map<String, Double> all = new TreeMap<>(metrics);
        all.putAll(more);
        return new GateVerdict(outcome, all, thresholds, unmetConditions);
    }
}
