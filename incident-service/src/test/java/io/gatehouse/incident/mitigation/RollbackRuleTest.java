package io.gatehouse.incident.mitigation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.ReadinessStatus;
import io.gatehouse.incident.detection.Incident;
import io.gatehouse.incident.gates.GateVerdict;
import io.gatehouse.incident.gates.MitigationReadinessGate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollbackRuleTest {

    @Test
    void aRollbackNeedsConfirmedSeverityRecordedScopeAndGateTwoPassedOrWaived() {
        Incident incident = new Incident();
        assertThat(RollbackRule.missingConditions(incident, null)).containsExactly(
                "the severity is not confirmed by the incident commander",
                "the affected scope is not recorded (no mitigation plan)",
                "gate 2 (mitigation readiness) has not been evaluated and is not waived");

        incident.severityConfirmedBy = "iris";
        Mitigation mitigation = new Mitigation();
        mitigation.gate2Outcome = GateOutcome.FAILED;
        assertThat(RollbackRule.missingConditions(incident, mitigation)).containsExactly("gate 2 (mitigation readiness) has failed and is not waived");

        mitigation.gate2Outcome = GateOutcome.WAIVED;
        assertThat(RollbackRule.missingConditions(incident, mitigation)).isEmpty();
        mitigation.gate2Outcome = GateOutcome.PASSED;
        assertThat(RollbackRule.missingConditions(incident, mitigation)).isEmpty();

        mitigation.rollbackRequestedBy = "iris";
        mitigation.rollbackRequestedAt = Instant.parse("2026-11-21T15:00:00Z");
        assertThat(RollbackRule.missingConditions(incident, mitigation)).singleElement().asString().contains("already requested by iris");
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

    @Test
    void thePreviousReleasesReportPassesOnlyWhenItPassedWithinItsRto() {
        assertThat(PreviousReleaseEvidence.fromReport(200, "{\"passed\":true,\"durationSeconds\":240,\"rtoSeconds\":600}", "r1").getStatus())
                .isEqualTo(ReadinessStatus.PASSED);
        assertThat(PreviousReleaseEvidence.fromReport(200, "{\"passed\":true,\"durationSeconds\":700,\"rtoSeconds\":600}", "r1").getDetail())
                .contains("over its RTO");
        assertThat(PreviousReleaseEvidence.fromReport(200, "{\"passed\":false,\"durationSeconds\":1,\"rtoSeconds\":600}", "r1").getStatus())
                .isEqualTo(ReadinessStatus.FAILED);
        assertThat(PreviousReleaseEvidence.fromReport(404, "", "r1").getStatus()).isEqualTo(ReadinessStatus.MISSING);
        assertThat(PreviousReleaseEvidence.fromReport(200, "{\"passed\":true}", "r1").getStatus()).isEqualTo(ReadinessStatus.MISSING);
        assertThat(PreviousReleaseEvidence.fromReport(200, "not json", "r1").getStatus()).isEqualTo(ReadinessStatus.MISSING);
    }
}
