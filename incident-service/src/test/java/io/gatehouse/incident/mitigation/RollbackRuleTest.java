package io.gatehouse.incident.mitigation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.events.Severity;
import io.gatehouse.incident.gates.GateVerdict;
import io.gatehouse.incident.gates.MitigationReadinessGate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollbackRuleTest {

    @Test
    void aRollbackNeedsConfirmedSeverityRecordedScopeAndGateTwoPassedOrWaived() {
        assertThat(RollbackRule.missingConditions(facts(false, null, null, null, null, true))).containsExactly(
                "the severity is not confirmed by the incident commander",
                "the affected scope is not recorded (no mitigation plan)",
                "gate 2 (mitigation readiness) has not been evaluated and is not waived");
        assertThat(RollbackRule.missingConditions(facts(true, null, MitigationKind.ROLLBACK, GateOutcome.FAILED, null, true)))
                .containsExactly("gate 2 (mitigation readiness) has failed and is not waived");
        assertThat(RollbackRule.missingConditions(facts(true, null, MitigationKind.ROLLBACK, GateOutcome.WAIVED, null, true))).isEmpty();
        assertThat(RollbackRule.missingConditions(facts(true, null, MitigationKind.ROLLBACK, GateOutcome.PASSED, null, true))).isEmpty();
        assertThat(RollbackRule.missingConditions(facts(true, null, MitigationKind.ROLLBACK, GateOutcome.PASSED, Instant.parse("2026-11-21T15:00:00Z"), true)))
                .singleElement().asString().contains("already requested by iris");
    }

    @Test
    void aSeverityProposedSinceSettlementMustBeConfirmedAgain() {
        assertThat(RollbackRule.missingConditions(facts(true, Severity.SEV_1, MitigationKind.ROLLBACK, GateOutcome.PASSED, null, true)))
                .containsExactly("alerts suggest SEV_1 since the severity was settled on SEV_2: the incident commander must confirm again");
    }

    @Test
    void aRollbackIsRefusedWhenAnotherOptionWasChosenWhichExecutesAsItself() {
        assertThat(RollbackRule.missingConditions(facts(true, null, MitigationKind.FEATURE_FLAG_DISABLE, GateOutcome.PASSED, null, true)))
                .singleElement().asString().contains("the chosen mitigation is FEATURE_FLAG_DISABLE, not a rollback");
        assertThat(RollbackRule.missingConditions(facts(true, null, MitigationKind.FEATURE_FLAG_DISABLE, GateOutcome.PASSED, null, false))).isEmpty();
    }

    private static RollbackRule.Facts facts(boolean confirmed, Severity proposal, MitigationKind chosen, GateOutcome gate2, Instant requestedAt,
                                            boolean rollbackAsked) {
        return new RollbackRule.Facts("inc-1", confirmed, Severity.SEV_2, proposal, chosen, gate2, requestedAt == null ? null : "iris", requestedAt,
                rollbackAsked);
    }

    @Test
    void gateTwoPassesOnFullCoverageAndBothApprovalsAndIsWaivedOnlyByBothRoles() {
        GateVerdict passed = MitigationReadinessGate.evaluate(new MitigationReadinessGate.Facts(1.0, true, true, false, false));
        GateVerdict missingApproval = MitigationReadinessGate.evaluate(new MitigationReadinessGate.Facts(1.0, true, false, false, false));
        GateVerdict halfWaived = MitigationReadinessGate.evaluate(new MitigationReadinessGate.Facts(2 / 3.0, true, true, true, false));
        GateVerdict waived = MitigationReadinessGate.evaluate(new MitigationReadinessGate.Facts(2 / 3.0, true, true, true, true));
        GateVerdict unchecked = MitigationReadinessGate.evaluate(new MitigationReadinessGate.Facts(null, false, false, false, false));

        assertThat(passed.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(missingApproval.unmetConditions()).containsExactly("the release manager has not approved the mitigation");
        assertThat(halfWaived.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(waived.outcome()).isEqualTo(GateOutcome.WAIVED);
        assertThat(waived.unmetConditions()).as("a waiver does not hide what was unmet").hasSize(1);
        assertThat(unchecked.unmetConditions()).contains("the rollback readiness checklist was not checked");
    }
}
