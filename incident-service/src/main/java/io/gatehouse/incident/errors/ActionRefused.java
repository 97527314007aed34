package io.gatehouse.incident.errors;

/**
 * An action the incident's state does not allow (409). The refusal itself is the record: it is logged with who
 * asked, and the caller gets the error shape saying what is missing.
 */
public class ActionRefused extends Refusal {

    public ActionRefused(String action, String context, String resolution) {
        super(action, context, resolution);
    }
}
