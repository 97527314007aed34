package io.gatehouse.incident.gates;

import io.gatehouse.errors.ErrorReport;

/**
 * A failed gate as the seed's error template reports it: severity, what failed, the context (each unmet condition),
 * what resolves it, its impact, and the gate's criteria against what was actual.
 */
final class GateFailureReport {

    private GateFailureReport() {
    }

    static ErrorReport of(int gate, String name, GateVerdict verdict, String incidentId) {
        String incident = "/v1/incidents/" + incidentId;
        ErrorReport report = switch (gate) {
            case SeverityAlignmentGate.NUMBER -> new ErrorReport(ErrorReport.Severity.WARNING, failed(gate, name), context(verdict),
                    "reach consensus on the severity and have the incident commander confirm it (POST " + incident
                            + "/severity/confirmation); undelivered notifications are retried",
                    "no rollback may be requested until the severity is confirmed");
            case MitigationReadinessGate.NUMBER -> new ErrorReport(ErrorReport.Severity.CRITICAL, failed(gate, name), context(verdict),
                    "complete the rollback readiness checklist (POST " + incident + "/mitigation/readiness) and have the incident commander"
                            + " and the release manager approve, or both waive gate 2 with a written risk assessment",
                    "the chosen mitigation cannot be executed");
            case RecoveryValidationGate.NUMBER -> new ErrorReport(ErrorReport.Severity.CRITICAL, failed(gate, name), context(verdict),
                    "plan the mitigation again, or validate the recovery again (POST " + incident + "/recovery), or have the incident"
                            + " commander waive gate 3 with a recovery plan",
                    "the incident is back in mitigation planning and cannot be resolved");
            case ResolutionGate.NUMBER -> new ErrorReport(ErrorReport.Severity.WARNING, failed(gate, name), context(verdict),
                    "complete the documentation (summary, SLOs restored, alerts cleared, root-cause evidence, follow-ups) and make sure"
                            + " the resolution notices are delivered",
                    "the incident stays open");
            default -> throw new IllegalArgumentException("protocol 17 has no gate " + gate);
        };
        return report.againstCriteria(verdict.criteria(), verdict.actual());
    }

    private static String failed(int gate, String name) {
        return "gate " + gate + " (" + name + ")";
    }

    private static String context(GateVerdict verdict) {
        return String.join("; ", verdict.unmetConditions());
    }
}
