package io.gatehouse.rehearsal.gates;

import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline result as the gates read it: one RehearsalResultReceived event.
 *
 * @param eventId the event's CloudEvents id, which evaluations cite
 * @param scope what a newer result must match, besides the kind, to supersede this one (suite, environment, artifact name)
 * @param summary the event's summary, typed by kind (TestReportSummary, CoverageSummary, ...)
 */
public record Result(String eventId, RehearsalResultKind kind, String scope, Instant receivedAt, Object summary) {

    public Result {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The result {@code event} reports, identified by the event's CloudEvents id. */
    public static Result of(String eventId, RehearsalResultReceived event) {
        return new Result(eventId, event.getKind(), event.getScope(), event.getReceivedAt(), event.getSummary());
    }

    /** The summary as {@code type}; empty when it is of another type (a result whose kind and summary disagree). */
    public <T> Optional<T> summary(Class<T> type) {
        return type.isInstance(summary) ? Optional.of(type.cast(summary)) : Optional.empty();
    }

    /** Whether a newer result of the same kind and scope replaces this one for the gates. */
    boolean sameSlotAs(Result other) {
        return kind == other.kind && Objects.equals(scope, other.scope);
    }
}
