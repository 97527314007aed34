package io.gatehouse.incident.errors;

import io.gatehouse.errors.ErrorReport;

/** A request named an incident that does not exist: 404. */
public class IncidentNotFound extends RuntimeException {

    public IncidentNotFound(String id) {
        super("no incident has id " + id);
    }

    ErrorReport report() {
        return new ErrorReport(ErrorReport.Severity.INFO, "incident lookup", getMessage(), "list the incidents with GET /v1/incidents", "none");
    }
}
