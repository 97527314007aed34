package io.gatehouse.rehearsal.errors;

import io.gatehouse.errors.ErrorReport;

/**
 * An action the release's state or the protocol does not allow (409). The caller gets the error shape saying what is
 * missing; a gate's refusal also says the gate's criteria and what was actual.
 */
public class ActionRefused extends Refusal {

    public ActionRefused(String action, String context, String resolution) {
        super(warning(action, context, resolution));
    }

    private ActionRefused(ErrorReport report) {
        super(report);
    }

    /** A refusal that a gate's standing decides: it states the gate's criteria and what is actual. */
    public static ActionRefused byGate(String action, String context, String resolution, String criteria, String actual) {
        return new ActionRefused(warning(action, context, resolution).againstCriteria(criteria, actual));
    }
}
