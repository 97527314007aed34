package io.gatehouse.incident.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.incident.gates.SeverityAlignmentGate.NotificationFacts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryAndResolutionGatesTest {

    private static final NotificationFacts DELIVERED = new NotificationFacts("incident-bridge", true, false, Duration.ofSeconds(2), null);

    @Test
    void gateThreeNeedsACompletedExecutionAndNinetyFivePercentOfChecksPassing() {
        assertThat(RecoveryValidationGate.evaluate(ExecutionStatus.SUCCEEDED, 0.95).outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(RecoveryValidationGate.evaluate(ExecutionStatus.SUCCEEDED, 0.94).unmetConditions())
                .containsExactly("recovery checks passed at 0.94, below 0.95");
        assertThat(RecoveryValidationGate.evaluate(ExecutionStatus.FAILED, 1.0).unmetConditions()).containsExactly("the mitigation's execution failed");
        assertThat(RecoveryValidationGate.evaluate(null, null).unmetConditions())
                .containsExactly("the mitigation's execution has not been reported", "no recovery checks were reported");
    }

    @Test
    void gateFourNeedsCompleteDocumentationAndTheResolutionNoticeDelivered() {
        ResolutionGate.Documentation complete = new ResolutionGate.Documentation(true, true, true, 3, 1);

        assertThat(ResolutionGate.evaluate(complete, List.of(DELIVERED)).outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(ResolutionGate.evaluate(complete, List.of(DELIVERED)).metrics()).containsEntry("documentationCompleteness", 1.0);
        assertThat(ResolutionGate.evaluate(new ResolutionGate.Documentation(true, true, true, 2, 1), List.of(DELIVERED)).unmetConditions())
                .containsExactly("documentation lacks: at least 3 root-cause evidence items archived");
        assertThat(ResolutionGate.evaluate(new ResolutionGate.Documentation(true, false, false, 3, 0), List.of(DELIVERED)).unmetConditions())
                .containsExactlyInAnyOrder("documentation lacks: SLOs restored", "documentation lacks: alerts cleared",
                        "documentation lacks: follow-up actions listed");
        assertThat(ResolutionGate.evaluate(complete, List.of()).unmetConditions()).containsExactly("stakeholders were not notified of the resolution");
        assertThat(ResolutionGate.evaluate(complete,
                List.of(new NotificationFacts("incident-bridge", false, true, Duration.ofSeconds(70), "HTTP 500"))).unmetConditions())
                .containsExactly("the resolution notice on incident-bridge failed: HTTP 500");
    }
}
