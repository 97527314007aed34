package io.gatehouse.incident.gates;

import io.gatehouse.events.GateOutcome;
import java.util.List;
import java.util.Map;

/**
 * A gate's evaluation before it is published: the outcome, what was measured against which condition, and each
 * condition that did not hold, in words.
 */
public record GateVerdict(GateOutcome outcome, Map<String, Double> metrics, Map<String, String> thresholds, List<String> unmetConditions) {
}
