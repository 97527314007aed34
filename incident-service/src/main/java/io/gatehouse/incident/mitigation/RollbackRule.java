package io.gatehouse.incident.mitigation;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.events.Severity;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.Mitigation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Protocol 17's hard rule: a rollback or other mitigation is never executed unless the severity is confirmed, the
 * affected scope is recorded, and gate 2 passed or was waived.
 */
public final class RollbackRule {

    /**
     * What the rule reads of an incident and its mitigation.
     *
     * @param pendingProposal a severity proposed since the incident commander settled it, or null
     * @param chosen the plan's chosen option; null without a plan (and so without a recorded scope)
     * @param rollbackAsked whether a rollback as such was asked for, which needs a rollback to be the chosen option
     */
    public record Facts(String incidentId, boolean severityConfirmed, Severity severity, Severity pendingProposal, MitigationKind chosen,
                        GateOutcome gate2, String executionRequestedBy, Instant executionRequestedAt, boolean rollbackAsked) {

        static Facts of(Incident incident, Mitigation mitigation, boolean rollbackAsked) {
            return new Facts(incident.id(), incident.severityConfirmedBy() != null, incident.severity(), incident.pendingProposal().orElse(null),
                    mitigation == null ? null : mitigation.chosen(), mitigation == null ? null : mitigation.gate2Outcome(),
                    mitigation == null ? null : mitigation.executionRequestedBy(), mitigation == null ? null : mitigation.executionRequestedAt(),
                    rollbackAsked);
        }
    }

    private RollbackRule() {
    }

    /** Whether gate 2's outcome lets the mitigation be executed: passed or waived. */
    static boolean gate2Allows(GateOutcome gate2) {
        return gate2 == GateOutcome.PASSED || gate2 == GateOutcome.WAIVED;
    }

    /** Each condition that does not hold, in words; empty when the chosen mitigation may be executed. */
    public static List<String> missingConditions(Facts facts) {
        List<String> missing = new ArrayList<>();
        if (!facts.severityConfirmed()) {
            missing.add("the severity is not confirmed by the incident commander");
        } else if (facts.pendingProposal() != null) {
            missing.add("alerts suggest " + facts.pendingProposal() + " since the severity was settled on " + facts.severity()
                    + ": the incident commander must confirm again");
        }
        if (facts.chosen() == null) {
            missing.add("the affected scope is not recorded (no mitigation plan)");
        }
        if (!gate2Allows(facts.gate2())) {
            missing.add("gate 2 (mitigation readiness) has " + (facts.gate2() == null ? "not been evaluated" : "failed") + " and is not waived");
        }
        if (facts.chosen() != null && facts.rollbackAsked() && facts.chosen() != MitigationKind.ROLLBACK) {
            missing.add("the chosen mitigation is " + facts.chosen() + ", not a rollback: execute it with POST /v1/incidents/"
                    + facts.incidentId() + "/mitigation/execution");
        }
        if (facts.executionRequestedAt() != null) {
            missing.add("the " + facts.chosen() + " was already requested by " + facts.executionRequestedBy() + " at " + facts.executionRequestedAt());
        }
        return missing;
    }
}
