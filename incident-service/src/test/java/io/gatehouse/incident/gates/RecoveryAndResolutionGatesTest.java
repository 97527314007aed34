package io.gatehouse.incident.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.incident.gates.SeverityAlignmentGate.NotificationFacts;
import io.gatehouse.incident.policy.IncidentPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryAndResolutionGatesTest {

    private static final IncidentPolicy.ClosingThresholds SHIPPED = IncidentPolicy.shipped().closing();
    private static final NotificationFacts DELIVERED = new NotificationFacts("incident-bridge", List.of("incident-commander"), true, false, Duration.ofSeconds(2), null);

    @Test
    void gateThreeNeedsACompletedExecutionAndNinetyFivePercentOfChecksPassing() {
        assertThat(RecoveryValidationGate.evaluate(recovery(ExecutionStatus.SUCCEEDED, 0.95), SHIPPED.minRecoveryPassRate()).outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(RecoveryValidationGate.evaluate(recovery(ExecutionStatus.SUCCEEDED, 0.94), SHIPPED.minRecoveryPassRate()).unmetConditions())
                .containsExactly("recovery checks passed at 0.94, below 0.95");
        assertThat(RecoveryValidationGate.evaluate(recovery(ExecutionStatus.FAILED, 1.0), SHIPPED.minRecoveryPassRate()).unmetConditions()).containsExactly("the mitigation's execution failed");
        assertThat(RecoveryValidationGate.evaluate(recovery(null, null), SHIPPED.minRecoveryPassRate()).unmetConditions())
                .containsExactly("the mitigation's execution has not been reported", "no recovery checks were reported");
    }

    @Test
    void gateThreeRecordsCriticalChecksAndIsWaivedOnlyWhileUnmet() {
        GateVerdict waived = RecoveryValidationGate.evaluate(new RecoveryValidationGate.Facts(ExecutionStatus.SUCCEEDED, 0.5, 2, 1, true),
                SHIPPED.minRecoveryPassRate());
        GateVerdict passedAnyway = RecoveryValidationGate.evaluate(new RecoveryValidationGate.Facts(ExecutionStatus.SUCCEEDED, 1.0, 2, 2, true),
                SHIPPED.minRecoveryPassRate());

        assertThat(waived.outcome()).isEqualTo(GateOutcome.WAIVED);
        assertThat(waived.unmetConditions()).as("a waiver does not hide what was unmet").containsExactly("recovery checks passed at 0.5, below 0.95");
        assertThat(waived.metrics()).containsEntry("criticalChecks", 2.0).containsEntry("criticalChecksPassed", 1.0);
        assertThat(passedAnyway.outcome()).isEqualTo(GateOutcome.PASSED);
    }

    private static RecoveryValidationGate.Facts recovery(ExecutionStatus execution, Double passRate) {
        return new RecoveryValidationGate.Facts(execution, passRate, passRate == null ? null : 1, passRate == null ? null : 1, false);
    }

    @Test
    void aStricterPolicyAsksForMoreRootCauseEvidenceAndAHigherPassRate() {
        IncidentPolicy.ClosingThresholds strict = new IncidentPolicy.ClosingThresholds(1.0, 1.0, 5);

        assertThat(RecoveryValidationGate.evaluate(recovery(ExecutionStatus.SUCCEEDED, 0.99), strict.minRecoveryPassRate()).outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(ResolutionGate.evaluate(new ResolutionGate.Documentation(true, true, true, 4, 1), List.of(DELIVERED), strict).unmetConditions())
                .containsExactly("documentation lacks: at least 5 root-cause evidence items archived");
    }

    @Test
    void gateFourNeedsCompleteDocumentationAndTheResolutionNoticeDelivered() {
        ResolutionGate.Documentation complete = new ResolutionGate.Documentation(true, true, true, 3, 1);

        assertThat(ResolutionGate.evaluate(complete, List.of(DELIVERED), SHIPPED).outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(ResolutionGate.evaluate(complete, List.of(DELIVERED), SHIPPED).metrics()).containsEntry("documentationCompleteness", 1.0);
        assertThat(ResolutionGate.evaluate(new ResolutionGate.Documentation(true, true, true, 2, 1), List.of(DELIVERED), SHIPPED).unmetConditions())
                .containsExactly("documentation lacks: at least 3 root-cause evidence items archived");
        assertThat(ResolutionGate.evaluate(new ResolutionGate.Documentation(true, false, false, 3, 0), List.of(DELIVERED), SHIPPED).unmetConditions())
                .containsExactlyInAnyOrder("documentation lacks: SLOs restored", "documentation lacks: alerts cleared",
                        "documentation lacks: follow-up actions listed");
        assertThat(ResolutionGate.evaluate(complete, List.of(), SHIPPED).unmetConditions()).containsExactly("stakeholders were not notified of the resolution");
        assertThat(ResolutionGate.evaluate(complete,
                List.of(new NotificationFacts("incident-bridge", List.of("incident-commander"), false, true, Duration.ofSeconds(70), "HTTP 500")), SHIPPED).unmetConditions())
                .containsExactly("the resolution notice on incident-bridge failed: HTTP 500");
    }
}
