package io.gatehouse.incident.errors;

import io.gatehouse.errors.ErrorReport;

/**
 * An action the incident's state does not allow (409). The refusal itself is the record: it is logged with who
 * asked, and the caller gets the error shape saying what is missing.
 */
public class ActionRefused extends RuntimeException {

    private final transient ErrorReport report;

    public ActionRefused(String action, String context, String resolution) {
        super(action + ": " + context);
        this.report = new ErrorReport(ErrorReport.Severity.WARNING, action, context, resolution, "nothing was changed");
    }

    ErrorReport report() {
        return report;
    }
}
