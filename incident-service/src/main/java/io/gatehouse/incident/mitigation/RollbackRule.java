package io.gatehouse.incident.mitigation;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.incident.detection.Incident;
import java.util.ArrayList;
import java.util.List;

/**
 * Protocol 17's hard rule: a rollback is never executed unless the severity is confirmed, the affected scope is
 * recorded, and gate 2 passed or was waived.
 */
public final class RollbackRule {

    private RollbackRule() {
    }

    /** Each condition that does not hold, in words; empty when a rollback may be requested. */
    public static List<String> missingConditions(Incident incident, Mitigation mitigation) {
        List<String> missing = new ArrayList<>();
        if (incident.severityConfirmedBy == null) {
            missing.add("the severity is not confirmed by the incident commander");
        }
        if (mitigation == null) {
            missing.add("the affected scope is not recorded (no mitigation plan)");
        }
        GateOutcome gate2 = mitigation == null ? null : mitigation.gate2Outcome;
        if (gate2 != GateOutcome.PASSED && gate2 != GateOutcome.WAIVED) {
            missing.add("gate 2 (mitigation readiness) has " + (gate2 == null ? "not been evaluated" : "failed") + " and is not waived");
        }
        if (mitigation != null && mitigation.rollbackRequestedAt != null) {
            missing.add("a rollback was already requested by " + mitigation.rollbackRequestedBy + " at " + mitigation.rollbackRequestedAt);
        }
        return missing;
    }
}
