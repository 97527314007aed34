package io.gatehouse.evidence.release;

import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.RollbackRehearsalAssessed;
import io.gatehouse.events.RunStatus;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * rollback-verification-report.json: the release's rollback rehearsal measured against its RTO, as rehearsal-service
 * assessed it, with the rehearsal's own steps and timings. Protocol 17 reads {@code passed}, {@code durationSeconds}
 * and {@code rtoSeconds} before rolling back to this release.
 *
 * @param passed the latest assessment found the rehearsal succeeded within the RTO; false while none was made
 * @param assessmentEventId the RollbackRehearsalAssessed event the verdict is from
 * @param rehearsal the rehearsal the latest assessment cites; null if the release's ledger does not hold it
 * @param superseded earlier assessments, in ledger order
 */
record RollbackVerificationReport(String releaseId, boolean happened, String statement, boolean passed, Boolean succeeded,
                                  Double durationSeconds, Double rtoSeconds, Boolean withinRto, String service, String assessmentEventId,
                                  Instant assessedAt, String rehearsalEventId, Rehearsal rehearsal, List<Assessment> superseded) {

    record Assessment(String eventId, Instant assessedAt, boolean succeeded, double durationSeconds, double rtoSeconds, boolean withinRto,
                      String rehearsalEventId) {
    }

    record Rehearsal(Results.Received received, RunStatus status, Instant startedAt, Instant finishedAt, List<Step> steps) {
    }

    /** @param durationSeconds null when the pipeline did not time the step */
    record Step(String name, RunStatus status, Instant startedAt, Instant finishedAt, Double durationSeconds) {
    }

    static RollbackVerificationReport of(SubjectHistory history) {
        List<Recorded<RollbackRehearsalAssessed>> assessments = history.all(RollbackRehearsalAssessed.class);
        if (assessments.isEmpty()) {
            return new RollbackVerificationReport(history.subject(), false, "The rollback rehearsal was not assessed against the RTO"
                    + (Registration.of(history).isPresent() ? "." : ": the release is not registered yet."), false, null, null, null, null, null,
                    null, null, null, null, List.of());
        }
        Recorded<RollbackRehearsalAssessed> latest = Results.latest(assessments);
        RollbackRehearsalAssessed a = latest.event();
        return new RollbackVerificationReport(history.subject(), true, statement(a), a.getWithinRto(), a.getSucceeded(), a.getDurationSeconds(),
                a.getRtoSeconds(), a.getWithinRto(), a.getService(), latest.eventId(), a.getAssessedAt(), a.getRehearsalEventId(),
                rehearsal(history, a.getRehearsalEventId()).orElse(null),
                Results.superseded(assessments).stream().map(RollbackVerificationReport::assessment).toList());
    }

    /** The assessments and the rehearsals they cite, in ledger order. */
    static List<LedgerEvent> sources(SubjectHistory history) {
        Set<String> ids = new LinkedHashSet<>();
        history.all(RollbackRehearsalAssessed.class).forEach(a -> {
            ids.add(a.eventId());
            ids.add(a.event().getRehearsalEventId());
        });
        return history.events().stream().filter(e -> ids.contains(e.eventId())).toList();
    }

    private static Optional<Rehearsal> rehearsal(SubjectHistory history, String eventId) {
        return history.event(eventId).filter(e -> e.event() instanceof RehearsalResultReceived r && r.getSummary() instanceof RehearsalRun)
                .map(e -> {
                    Recorded<RehearsalResultReceived> result = new Recorded<>(e, e.as(RehearsalResultReceived.class));
                    RehearsalRun run = Results.summary(result, RehearsalRun.class);
                    return new Rehearsal(Results.Received.of(result, null), run.getStatus(), run.getStartedAt(), run.getFinishedAt(),
                            run.getSteps().stream().map(s -> new Step(s.getName(), s.getStatus(), s.getStartedAt(), s.getFinishedAt(),
                                    s.getStartedAt() == null || s.getFinishedAt() == null ? null
                                            : Duration.between(s.getStartedAt(), s.getFinishedAt()).toMillis() / 1000.0)).toList());
                });
    }

    private static Assessment assessment(Recorded<RollbackRehearsalAssessed> recorded) {
        RollbackRehearsalAssessed a = recorded.event();
        return new Assessment(recorded.eventId(), a.getAssessedAt(), a.getSucceeded(), a.getDurationSeconds(), a.getRtoSeconds(), a.getWithinRto(),
                a.getRehearsalEventId());
    }

    private static String statement(RollbackRehearsalAssessed a) {
        String timing = String.format(Locale.ROOT, "%.1f s against an RTO of %.1f s", a.getDurationSeconds(), a.getRtoSeconds());
        if (!a.getSucceeded()) {
            return "The rollback rehearsal failed (" + timing + ").";
        }
        return a.getWithinRto() ? "The rollback rehearsal succeeded within the RTO: " + timing + "."
                : "The rollback rehearsal succeeded but ran over the RTO: " + timing + ".";
    }
}
