package io.gatehouse.rehearsal.errors;

import io.gatehouse.errors.ErrorReport;

/** A request rehearsal-service refuses without changing anything; the subclass decides the HTTP status. */
abstract class Refusal extends RuntimeException {

    private final transient ErrorReport report;

    Refusal(ErrorReport report) {
        super(report.failed() + ": " + report.context());
        this.report = report;
    }

    ErrorReport report() {
        return report;
    }

    static ErrorReport warning(String action, String context, String resolution) {
        return new ErrorReport(ErrorReport.Severity.WARNING, action, context, resolution, "nothing was changed");
    }
}
