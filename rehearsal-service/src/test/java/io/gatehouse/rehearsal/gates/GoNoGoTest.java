package io.gatehouse.rehearsal.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.rehearsal.gates.GoNoGo.Decision;
import io.gatehouse.rehearsal.gates.GoNoGo.HardRule;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GoNoGoTest {

    private static final HardRule HOLDS = new HardRule(true, true, true);

    @Test
    void everyGatePassedIsGoWithNoReason() {
        Decision decision = GoNoGo.decide(gates(GateOutcome.PASSED, GateOutcome.PASSED, GateOutcome.PASSED, GateOutcome.PASSED), HOLDS,
                DecisionState.PENDING);

        assertThat(decision.state()).isEqualTo(DecisionState.GO);
        assertThat(decision.reasons()).isEmpty();
        assertThat(decision.revokesGo()).isFalse();
    }

    @Test
    void validlyWaivedGatesCountForGoWhenTheHardRuleHolds() {
        Decision decision = GoNoGo.decide(gates(GateOutcome.WAIVED, GateOutcome.PASSED, GateOutcome.WAIVED, GateOutcome.PASSED), HOLDS,
                DecisionState.NO_GO);

        assertThat(decision.state()).isEqualTo(DecisionState.GO);
    }

    @Test
    void aFailedGateIsNoGoWithEveryUnmetConditionAsAReason() {
        Decision decision = GoNoGo.decide(gates(GateOutcome.PASSED, GateOutcome.PASSED, GateOutcome.FAILED, GateOutcome.NOT_EVALUATED), HOLDS,
                DecisionState.PENDING);

        assertThat(decision.state()).isEqualTo(DecisionState.NO_GO);
        assertThat(decision.reasons()).containsExactly(
                "Gate 3 Rollback and security failed: condition of gate 3",
                "Gate 4 Readiness approval cannot be evaluated: condition of gate 4");
    }

    @Test
    void whileNothingFailedAndAGateWaitsForInputTheDecisionIsPending() {
        Decision decision = GoNoGo.decide(gates(GateOutcome.PASSED, GateOutcome.NOT_EVALUATED, GateOutcome.PASSED, GateOutcome.NOT_EVALUATED),
                new HardRule(true, false, true), DecisionState.PENDING);

        assertThat(decision.state()).isEqualTo(DecisionState.PENDING);
        assertThat(decision.reasons()).hasSize(2);
    }

    @Test
    void onceDecidedAnythingShortOfGoIsNoGoAndAFormerGoIsRevoked() {
        List<GateVerdict> waiting = gates(GateOutcome.PASSED, GateOutcome.PASSED, GateOutcome.PASSED, GateOutcome.NOT_EVALUATED);

        Decision afterGo = GoNoGo.decide(waiting, HOLDS, DecisionState.GO);
        assertThat(afterGo.state()).isEqualTo(DecisionState.NO_GO);
        assertThat(afterGo.revokesGo()).isTrue();

        Decision afterNoGo = GoNoGo.decide(waiting, HOLDS, DecisionState.NO_GO);
        assertThat(afterNoGo.state()).isEqualTo(DecisionState.NO_GO);
        assertThat(afterNoGo.revokesGo()).isFalse();
    }

    @Test
    void aWaiverOfGateOneCannotStandInForStagingParity() {
        Decision decision = GoNoGo.decide(gates(GateOutcome.WAIVED, GateOutcome.PASSED, GateOutcome.PASSED, GateOutcome.PASSED),
                new HardRule(false, true, true), DecisionState.PENDING);

        assertThat(decision.state()).isEqualTo(DecisionState.NO_GO);
        assertThat(decision.reasons()).containsExactly("Staging does not mirror production: protocol 14 never gives GO without staging parity, "
                + "and a waiver of gate 1 cannot stand in for it");
    }

    @Test
    void aWaiverOfGateThreeCannotStandInForASuccessfulRollbackRehearsal() {
        Decision decision = GoNoGo.decide(gates(GateOutcome.PASSED, GateOutcome.PASSED, GateOutcome.WAIVED, GateOutcome.PASSED),
                new HardRule(true, true, false), DecisionState.PENDING);

        assertThat(decision.state()).isEqualTo(DecisionState.NO_GO);
        assertThat(decision.reasons()).singleElement().asString().startsWith("The rollback rehearsal did not succeed");
    }

    @Test
    void aHardRuleBreachAGateAlreadyReportsIsNotSaidTwice() {
        Decision decision = GoNoGo.decide(gates(GateOutcome.PASSED, GateOutcome.FAILED, GateOutcome.PASSED, GateOutcome.PASSED),
                new HardRule(true, false, true), DecisionState.PENDING);

        assertThat(decision.reasons()).containsExactly("Gate 2 Deployment rehearsal failed: condition of gate 2");
    }

    private static List<GateVerdict> gates(GateOutcome... outcomes) {
        List<String> names = List.of(IntakeConfirmationGate.NAME, DeploymentRehearsalGate.NAME, RollbackSecurityGate.NAME, ReadinessApprovalGate.NAME);
        return IntStream.range(0, 4).mapToObj(i -> new GateVerdict(i + 1, names.get(i), outcomes[i], Map.of(), Map.of(), Map.of(),
                outcomes[i] == GateOutcome.PASSED ? List.of() : List.of("condition of gate " + (i + 1)), List.of())).toList();
    }
}
