package io.gatehouse.intake.rejection;

import io.gatehouse.errors.ErrorReport;

/**
 * A payload Gatehouse cannot accept. Over HTTP it becomes a 400 with the report as body; on alerts.inbound
 * it sends the record to the dead-letter topic with the report as the reason.
 */
public class RejectedPayload extends RuntimeException {

    private final transient ErrorReport report;

    public RejectedPayload(ErrorReport report) {
        super(report.oneLine());
        this.report = report;
    }

    private RejectedPayload(ErrorReport report, Throwable cause) {
        super(report.oneLine(), cause);
        this.report = report;
    }

    /** A payload of {@code format} that is wrong in the way {@code context} says; nothing of it was accepted. */
    public static RejectedPayload invalid(String format, String context, String resolution) {
        return new RejectedPayload(reportOf(format, context, resolution));
    }

    /** As {@link #invalid(String, String, String)}, keeping the parser's exception as the cause. */
    public static RejectedPayload invalid(String format, String context, String resolution, Throwable cause) {
        return new RejectedPayload(reportOf(format, context, resolution), cause);
    }

    private static ErrorReport reportOf(String format, String context, String resolution) {
        return new ErrorReport(ErrorReport.Severity.WARNING, format + " payload", context, resolution,
                "nothing in this payload was accepted; other payloads are unaffected");
    }

    public ErrorReport report() {
        return report;
    }
}
