package io.gatehouse.incident.gates;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.incident.Mitigation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gate 2 of protocol 17, mitigation readiness: every rollback readiness item passed (coverage 1.0) and both the
 * incident commander and the release manager approved. Waivable by both of them, each with a written risk
 * assessment.
 */
public final class MitigationReadinessGate {

    public static final int NUMBER = 2;
    public static final String NAME = "Mitigation readiness";

    /** What gate 2 reads. A null coverage: the checklist was not checked. */
    public record Facts(Double readinessCoverage, boolean approvedByCommander, boolean approvedByReleaseManager,
                        boolean waivedByCommander, boolean waivedByReleaseManager) {

        static Facts of(Mitigation mitigation) {
            return new Facts(mitigation.readinessCoverage(), mitigation.approvedByCommander() != null,
                    mitigation.approvedByReleaseManager() != null, mitigation.waivedByCommander() != null,
                    mitigation.waivedByReleaseManager() != null);
        }
    }

    private MitigationReadinessGate() {
    }

    public static GateVerdict evaluate(Facts facts) {
        Map<String, Double> metrics = new TreeMap<>();
        Map<String, String> thresholds = new TreeMap<>();
        List<String> unmet = new ArrayList<>();
        thresholds.put("readinessCoverage", "= 1.0");
        thresholds.put("approvals", "= 2 (incident commander and release manager)");
        if (facts.readinessCoverage() == null) {
            unmet.add("the rollback readiness checklist was not checked");
        } else {
            metrics.put("readinessCoverage", facts.readinessCoverage());
            if (facts.readinessCoverage() < 1.0) {
                unmet.add("rollback readiness coverage is " + facts.readinessCoverage() + ", not 1.0");
            }
        }
        metrics.put("approvals", (double) ((facts.approvedByCommander() ? 1 : 0) + (facts.approvedByReleaseManager() ? 1 : 0)));
        if (!facts.approvedByCommander()) {
            unmet.add("the incident commander has not approved the mitigation");
        }
        if (!facts.approvedByReleaseManager()) {
            unmet.add("the release manager has not approved the mitigation");
        }
        GateOutcome outcome = unmet.isEmpty() ? GateOutcome.PASSED
                : facts.waivedByCommander() && facts.waivedByReleaseManager() ? GateOutcome.WAIVED : GateOutcome.FAILED;
        return new GateVerdict(outcome, metrics, thresholds, List.copyOf(unmet));
    }
}
