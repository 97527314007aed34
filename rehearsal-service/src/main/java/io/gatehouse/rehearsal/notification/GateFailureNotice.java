package io.gatehouse.rehearsal.notification;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.rehearsal.gates.GateVerdict;
import io.gatehouse.rehearsal.gates.Registration;
import java.util.List;
import java.util.Map;

/**
 * The notice of a failed gate, in the words of the seed's error template: the gate that failed, its severity, the
 * context, what resolves it, its impact, the gate's criteria and what was actual, and whom it is for.
 */
final class GateFailureNotice {

    /** What resolves each gate's failure, after the seed's failure handling of that gate. */
    private static final Map<Integer, String> RESOLUTION = Map.of(
            1, "obtain the missing artifacts or approvals, or remediate the configuration drift, and publish them again; "
                    + "the release manager may waive gate 1 with a documented risk assessment",
            2, "investigate the failures, fix them and rerun the deployment rehearsal and the tests on staging; "
                    + "protocol 14 permits no waiver of gate 2",
            3, "fix the rollback procedure or its duration and remediate the blocking findings, then rerun; "
                    + "or the CISO and the CTO waive gate 3, each documenting compensating controls",
            4, "obtain the missing or renewed readiness approvals, complete the go/no-go package and the deployment checklist; "
                    + "protocol 14 permits no waiver of gate 4");

    private GateFailureNotice() {
    }

    /** The failure as the error shape has it: a gate's failure, with its criteria and what was actual. */
    static ErrorReport reportOf(Registration release, GateVerdict verdict) {
        return new ErrorReport(ErrorReport.Severity.CRITICAL, "gate " + verdict.gate() + " " + verdict.name(),
                "release " + release.releaseId() + " (" + release.service() + " " + release.version() + "): " + String.join("; ", verdict.unmetConditions()),
                RESOLUTION.get(verdict.gate()), "blocks the release's GO until resolved: the release is NO_GO")
                .againstCriteria(verdict.criteria(), verdict.outcome() + ": " + verdict.actual());
    }

    /** The notice's text, one line per part of the template. */
    static String textOf(Registration release, GateVerdict verdict, List<String> audience) {
        ErrorReport report = reportOf(release, verdict);
        return "[GATE FAILED: " + verdict.name() + "] [" + report.severity() + "]"
                + "\nQuality gate '" + verdict.name() + "' (gate " + verdict.gate() + " of protocol 14) failed for pre-deployment staging."
                + "\nContext: " + report.context()
                + "\nResolution: " + report.resolution()
                + "\nImpact: " + report.impact()
                + "\nCriteria: " + report.criteria()
                + "\nActual: " + report.actual()
                + "\nFor: " + String.join(", ", audience);
    }
}
