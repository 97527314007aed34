package io.gatehouse.incident.errors;

import io.gatehouse.errors.ErrorReport;

/** A request body that is incomplete or contradicts itself: 400, saying what to send instead. */
public class InvalidRequest extends RuntimeException {

    private final transient ErrorReport report;

    public InvalidRequest(String action, String context, String resolution) {
        super(action + ": " + context);
        this.report = new ErrorReport(ErrorReport.Severity.WARNING, action, context, resolution, "nothing was changed");
    }

    ErrorReport report() {
        return report;
    }
}
