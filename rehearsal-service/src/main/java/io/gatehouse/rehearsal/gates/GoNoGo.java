package io.gatehouse.rehearsal.gates;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The go/no-go decision. GO only when all four gates passed or were validly waived, and never without the hard rule of
 * protocol 14: staging parity, and a successful deployment rehearsal and rollback rehearsal with their evidence (a
 * waiver of gate 1 or 3 cannot stand in for these). Otherwise NO_GO with every reason, or PENDING while nothing
 * failed yet and some gate still waits for an input, until the first decision was taken.
 */
public final class GoNoGo {

    /**
     * The decision and every reason it is not GO (none for GO).
     *
     * @param revokesGo whether it takes back a GO: a later input failed a gate, or something a GO needs lapsed
     */
    public record Decision(DecisionState state, List<String> reasons, boolean revokesGo) {

        public Decision {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * What the hard rule reads, apart from the gates.
     *
     * @param stagingParity both environments' snapshots compared and within the policy's drift limits
     * @param deploymentSucceeded the current deployment rehearsal succeeded
     * @param rollbackSucceeded the current rollback rehearsal succeeded
     */
    public record HardRule(boolean stagingParity, boolean deploymentSucceeded, boolean rollbackSucceeded) {

        public static HardRule of(ReleaseInputs inputs, ReleasePolicy policy) {
            return new HardRule(IntakeConfirmationGate.parityHolds(inputs, policy), DeploymentRehearsalGate.deploymentSucceeded(inputs),
                    RollbackSecurityGate.rollbackSucceeded(inputs));
        }
    }

    private GoNoGo() {
    }

    /**
     * @param gates the standing of gates 1 to 4, in order
     * @param previous the decision taken so far
     */
    public static Decision decide(List<GateVerdict> gates, HardRule hardRule, DecisionState previous) {
        List<String> reasons = new ArrayList<>();
        boolean failed = false;
        for (GateVerdict gate : gates) {
            if (gate.outcome() == GateOutcome.FAILED) {
                failed = true;
                gate.unmetConditions().forEach(c -> reasons.add(gate.title() + " failed: " + c));
            } else if (gate.outcome() == GateOutcome.NOT_EVALUATED) {
                gate.unmetConditions().forEach(c -> reasons.add(gate.title() + " cannot be evaluated: " + c));
            }
        }
        List<String> hardRuleReasons = hardRuleReasons(gates, hardRule);
        reasons.addAll(hardRuleReasons);
        if (reasons.isEmpty()) {
            return new Decision(DecisionState.GO, List.of(), false);
        }
        boolean noGo = previous != DecisionState.PENDING || failed || !hardRuleReasons.isEmpty();
        return new Decision(noGo ? DecisionState.NO_GO : DecisionState.PENDING, reasons, previous == DecisionState.GO);
    }

    /** The hard rule's breaches that a gate passed or waived would otherwise hide; a gate short of that says them itself. */
    private static List<String> hardRuleReasons(List<GateVerdict> gates, HardRule hardRule) {
        List<String> reasons = new ArrayList<>();
        if (clear(gates, IntakeConfirmationGate.NUMBER) && !hardRule.stagingParity()) {
            reasons.add("Staging does not mirror production: protocol 14 never gives GO without staging parity, "
                    + "and a waiver of gate 1 cannot stand in for it");
        }
        if (clear(gates, DeploymentRehearsalGate.NUMBER) && !hardRule.deploymentSucceeded()) {
            reasons.add("The deployment rehearsal did not succeed: protocol 14 never gives GO without a successful deployment rehearsal");
        }
        if (clear(gates, RollbackSecurityGate.NUMBER) && !hardRule.rollbackSucceeded()) {
            reasons.add("The rollback rehearsal did not succeed: protocol 14 never gives GO without a successful rollback rehearsal, "
                    + "and a waiver of gate 3 cannot stand in for it");
        }
        return reasons;
    }

    private static boolean clear(List<GateVerdict> gates, int number) {
        return gates.stream().filter(g -> g.gate() == number).anyMatch(GateVerdict::clear);
    }
}
