package io.gatehouse.incident.gates;

import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.incident.Mitigation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gate 3 of protocol 17, recovery validation: the mitigation's execution is complete and enough recovery checks
 * pass (the policy's {@code recovery.minPassRate}, 0.95 by default). The incident commander may waive it with a
 * documented recovery plan.
 */
public final class RecoveryValidationGate {

    public static final int NUMBER = 3;
    public static final String NAME = "Recovery validation";

    /**
     * What gate 3 reads.
     *
     * @param passRate null while no recovery checks were reported
     * @param criticalChecks smoke tests and health checks among them (null with passRate)
     */
    public record Facts(ExecutionStatus execution, Double passRate, Integer criticalChecks, Integer criticalChecksPassed, boolean waived) {

        static Facts of(Mitigation mitigation) {
            return new Facts(mitigation.executionStatus(), mitigation.recoveryPassRate(), mitigation.criticalChecks(),
                    mitigation.criticalChecksPassed(), mitigation.gate3WaiverEventId() != null);
        }
    }

    private RecoveryValidationGate() {
    }

    public static GateVerdict evaluate(Facts facts, double minPassRate) {
        Map<String, Double> metrics = new TreeMap<>();
        Map<String, String> thresholds = new TreeMap<>(Map.of("executionComplete", "= 1", "recoveryPassRate", ">= " + minPassRate));
        List<String> unmet = new ArrayList<>();
        metrics.put("executionComplete", facts.execution() == ExecutionStatus.SUCCEEDED ? 1.0 : 0.0);
        if (facts.execution() != ExecutionStatus.SUCCEEDED) {
            unmet.add(facts.execution() == null ? "the mitigation's execution has not been reported" : "the mitigation's execution failed");
        }
        if (facts.passRate() == null) {
            unmet.add("no recovery checks were reported");
        } else {
            metrics.put("recoveryPassRate", facts.passRate());
            metrics.put("criticalChecks", (double) facts.criticalChecks());
            metrics.put("criticalChecksPassed", (double) facts.criticalChecksPassed());
            if (facts.passRate() < minPassRate) {
                unmet.add("recovery checks passed at " + facts.passRate() + ", below " + minPassRate);
            }
        }
        GateOutcome outcome = unmet.isEmpty() ? GateOutcome.PASSED : facts.waived() ? GateOutcome.WAIVED : GateOutcome.FAILED;
        return new GateVerdict(outcome, metrics, thresholds, List.copyOf(unmet));
    }
}
