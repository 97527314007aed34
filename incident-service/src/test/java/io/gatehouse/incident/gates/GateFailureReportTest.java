package io.gatehouse.incident.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.events.GateOutcome;
import org.junit.jupiter.api.Test;

class GateFailureReportTest {

    @Test
    void aFailedGateIsReportedWithItsCriteriaAndWhatWasActual() {
        GateVerdict failed = MitigationReadinessGate.evaluate(new MitigationReadinessGate.Facts(2 / 3.0, true, false, false, false));

        ErrorReport report = GateFailureReport.of(2, MitigationReadinessGate.NAME, failed, "inc-1");

        assertThat(report.severity()).isEqualTo(ErrorReport.Severity.CRITICAL);
        assertThat(report.failed()).isEqualTo("gate 2 (Mitigation readiness)");
        assertThat(report.context()).isEqualTo("rollback readiness coverage is " + 2 / 3.0 + ", not 1.0; the release manager has not approved the mitigation");
        assertThat(report.criteria()).isEqualTo("approvals = 2 (incident commander and release manager); readinessCoverage = 1.0");
        assertThat(report.actual()).isEqualTo("approvals = 1; readinessCoverage = 0.667");
        assertThat(report.resolution()).contains("POST /v1/incidents/inc-1/mitigation/readiness");
        assertThat(report.impact()).isEqualTo("the chosen mitigation cannot be executed");
    }

    @Test
    void aConditionWithoutItsInputIsActuallyNotMeasured() {
        GateVerdict unchecked = MitigationReadinessGate.evaluate(new MitigationReadinessGate.Facts(null, false, false, false, false));

        assertThat(unchecked.actual()).isEqualTo("approvals = 0; readinessCoverage not measured");
    }

    @Test
    void gateOneBeforeConsensusIsAWarningNamingTheConfirmation() {
        GateVerdict failed = SeverityAlignmentGate.evaluate(false, null, java.util.List.of(), java.time.Duration.ofMinutes(5));

        ErrorReport report = GateFailureReport.of(1, SeverityAlignmentGate.NAME, failed, "inc-1");

        assertThat(failed.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(report.severity()).isEqualTo(ErrorReport.Severity.WARNING);
        assertThat(report.criteria()).contains("consensusReached = 1");
        assertThat(report.actual()).contains("consensusReached = 0");
        assertThat(report.resolution()).contains("/v1/incidents/inc-1/severity/confirmation");
    }

    @Test
    void protocolSeventeenHasFourGates() {
        GateVerdict failed = MitigationReadinessGate.evaluate(new MitigationReadinessGate.Facts(null, false, false, false, false));

        assertThatThrownBy(() -> GateFailureReport.of(5, "no such gate", failed, "inc-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
