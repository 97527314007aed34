package io.gatehouse.rehearsal.errors;

import io.gatehouse.errors.ErrorReport;

/** A request named a release that was never registered: 404. */
public class ReleaseNotFound extends RuntimeException {

    public ReleaseNotFound(String id) {
        super("no release has id " + id);
    }

    ErrorReport report() {
        return new ErrorReport(ErrorReport.Severity.INFO, "release lookup", getMessage(),
                "list the releases with GET /v1/releases, or register this one with POST /v1/releases", "none");
    }
}
