package io.gatehouse.errors;

import java.util.Objects;

/**
 * The one shape of every error Gatehouse shows a person: in an HTTP error body, and as the reason a record
 * went to a dead-letter topic.
 *
 * @param severity how bad it is
 * @param failed the gate or step that failed, e.g. {@code alertmanager webhook}
 * @param context what was wrong, specifically enough to find it
 * @param resolution what the sender or operator can do about it
 * @param impact what happened (or did not) because of it
 * @param criteria for a gate's refusal or failure, the condition the gate applies (the seed's error template); null otherwise
 * @param actual for a gate's refusal or failure, what was measured or found against {@code criteria}; null otherwise
 */
public record ErrorReport(Severity severity, String failed, String context, String resolution, String impact, String criteria, String actual) {

    public enum Severity { CRITICAL, WARNING, INFO }

    public ErrorReport {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(failed, "failed");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(impact, "impact");
    }

    /** An error that is not about a gate: it has no criteria and no actual. */
    public ErrorReport(Severity severity, String failed, String context, String resolution, String impact) {
        this(severity, failed, context, resolution, impact, null, null);
    }

    /** This error as a gate's refusal or failure: what the gate requires, and what it found. */
    public ErrorReport againstCriteria(String gateCriteria, String found) {
        return new ErrorReport(severity, failed, context, resolution, impact, Objects.requireNonNull(gateCriteria, "criteria"),
                Objects.requireNonNull(found, "actual"));
    }

    /** A consumed record that is not an event the consumer can apply; it goes to the consumer's dead-letter topic. */
    public static ErrorReport unusableRecord(String topic, String context) {
        return new ErrorReport(Severity.CRITICAL, "event on " + topic, context,
                "fix the producer; replay the record from the dead-letter topic once it is readable",
                "this record was not applied; the records after it were");
    }

    /** One line for logs and Kafka headers. */
    public String oneLine() {
        String gate = criteria == null ? "" : " Criteria: " + criteria + " Actual: " + actual;
        return severity + " " + failed + ": " + context + gate + " Resolution: " + resolution + " Impact: " + impact;
    }
}
