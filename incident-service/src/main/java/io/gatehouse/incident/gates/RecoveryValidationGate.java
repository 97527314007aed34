package io.gatehouse.incident.gates;

import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gate 3 of protocol 17, recovery validation: the mitigation's execution is complete and enough recovery checks
 * pass (the policy's {@code recovery.minPassRate}, 0.95 by default).
 */
public final class RecoveryValidationGate {

    public static final int NUMBER = 3;
    public static final String NAME = "Recovery validation";

    private RecoveryValidationGate() {
    }

    /** @param passRate null while no recovery checks were reported */
    public static GateVerdict evaluate(ExecutionStatus execution, Double passRate, double minPassRate) {
        Map<String, Double> metrics = new TreeMap<>();
        Map<String, String> thresholds = new TreeMap<>(Map.of("executionComplete", "= 1", "recoveryPassRate", ">= " + minPassRate));
        List<String> unmet = new ArrayList<>();
        metrics.put("executionComplete", execution == ExecutionStatus.SUCCEEDED ? 1.0 : 0.0);
        if (execution != ExecutionStatus.SUCCEEDED) {
            unmet.add(execution == null ? "the mitigation's execution has not been reported" : "the mitigation's execution failed");
        }
        if (passRate == null) {
            unmet.add("no recovery checks were reported");
        } else {
            metrics.put("recoveryPassRate", passRate);
            if (passRate < minPassRate) {
                unmet.add("recovery checks passed at " + passRate + ", below " + minPassRate);
            }
        }
        return new GateVerdict(unmet.isEmpty() ? GateOutcome.PASSED : GateOutcome.FAILED, metrics, thresholds, List.copyOf(unmet));
    }
}
