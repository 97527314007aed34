package io.gatehouse.incident.errors;

import io.gatehouse.errors.ErrorReport;

/**
 * An action the incident's state does not allow (409). The refusal itself is the record: it is logged with who
 * asked, and the caller gets the error shape saying what is missing.
 */
public class ActionRefused extends Refusal {

    public ActionRefused(String action, String context, String resolution) {
        super(action, context, resolution);
    }

    /** A refusal that is a gate's: it says the gate's {@code criteria} and what was {@code actual}. */
    public ActionRefused(String action, String context, String resolution, String criteria, String actual) {
        super(new ErrorReport(ErrorReport.Severity.WARNING, action, context, resolution, "nothing was changed").againstCriteria(criteria, actual));
    }
}
