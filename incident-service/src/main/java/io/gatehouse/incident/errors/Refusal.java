package io.gatehouse.incident.errors;

import io.gatehouse.errors.ErrorReport;

/** A request incident-service refuses without changing anything; the subclass decides the HTTP status. */
abstract class Refusal extends RuntimeException {

    private final transient ErrorReport report;

    Refusal(String action, String context, String resolution) {
        this(new ErrorReport(ErrorReport.Severity.WARNING, action, context, resolution, "nothing was changed"));
    }

    Refusal(ErrorReport report) {
        super(report.failed() + ": " + report.context());
        this.report = report;
    }

    ErrorReport report() {
        return report;
    }
}
