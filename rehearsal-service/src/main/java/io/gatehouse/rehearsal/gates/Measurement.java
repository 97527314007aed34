package io.gatehouse.rehearsal.gates;

import io.gatehouse.events.GateOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collects one gate evaluation. The outcome follows from what was collected: an input that is missing makes the gate
 * NOT_EVALUATED, whatever else holds or fails (a missing input never counts as passed); otherwise it passed when every
 * condition held, else it is WAIVED when a valid waiver covers it and FAILED when none does.
 */
final class Measurement {

    private final Map<String, Double> metrics = new TreeMap<>();
    private final Map<String, String> observed = new LinkedHashMap<>();
    private final Map<String, String> thresholds = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> unmet = new ArrayList<>();
    private final Set<String> evidence = new LinkedHashSet<>();

    /** {@code metric} must meet {@code threshold}, e.g. {@code ">= 0.9"}. */
    Measurement requires(String metric, String threshold) {
        thresholds.put(metric, threshold);
        return this;
    }

    Measurement measured(String metric, double value) {
        return measured(metric, value, Numbers.format(value));
    }

    /** A metric with the words a person reads it in, e.g. a drift severity's name. */
    Measurement measured(String metric, double value, String asRead) {
        metrics.put(metric, value);
        observed.put(metric, asRead);
        return this;
    }

    Measurement measured(String metric, boolean value) {
        return measured(metric, value ? 1 : 0, value ? "yes" : "no");
    }

    /** An input the gate reads is not there. */
    Measurement missing(String what) {
        missing.add(what);
        return this;
    }

    /** A condition that does not hold, in words. */
    Measurement unmet(String condition) {
        unmet.add(condition);
        return this;
    }

    /** Whether a condition failed so far; an input missing is not a failure. */
    boolean anyUnmet() {
        return !unmet.isEmpty();
    }

    Measurement cites(String eventId) {
        evidence.add(eventId);
        return this;
    }

    GateVerdict verdict(int gate, String name, boolean waived) {
        GateOutcome outcome = !missing.isEmpty() ? GateOutcome.NOT_EVALUATED
                : unmet.isEmpty() ? GateOutcome.PASSED
                : waived ? GateOutcome.WAIVED : GateOutcome.FAILED;
        List<String> conditions = new ArrayList<>(missing);
        conditions.addAll(unmet);
        return new GateVerdict(gate, name, outcome, metrics, observed, thresholds, conditions, List.copyOf(evidence));
    }
}
