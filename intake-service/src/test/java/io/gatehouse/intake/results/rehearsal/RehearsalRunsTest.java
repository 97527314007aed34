package io.gatehouse.intake.results.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.RehearsalStep;
import io.gatehouse.events.RunStatus;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RehearsalRunsTest {

    private static final String DEPLOYMENT = """
            {"status": "SUCCEEDED", "startedAt": "2025-03-01T14:00:00Z", "finishedAt": "2025-03-01T16:04:30.123456+02:00",
             "blockingErrors": 0, "nonBlockingErrors": 2,
             "steps": [{"name": "migrate", "status": "SUCCEEDED", "startedAt": "2025-03-01T14:00:00Z", "finishedAt": "2025-03-01T14:01:00Z"},
                       {"name": "smoke", "status": "FAILED"}],
             "log": "deploying checkout 2.4.0\\ndone", "pipeline": "ignored"}""";

    @Test
    void aDeploymentRehearsalIsReadWithItsStepsErrorsAndLog() {
        RehearsalRun run = RehearsalRuns.deployment(utf8(DEPLOYMENT));

        assertThat(run.getStatus()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.getStartedAt()).isEqualTo(Instant.parse("2025-03-01T14:00:00Z"));
        assertThat(run.getFinishedAt()).isEqualTo(Instant.parse("2025-03-01T14:04:30.123Z"));
        assertThat(run.getBlockingErrors()).isZero();
        assertThat(run.getNonBlockingErrors()).isEqualTo(2);
        assertThat(run.getSteps()).extracting(RehearsalStep::getName, RehearsalStep::getStatus, RehearsalStep::getFinishedAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple("migrate", RunStatus.SUCCEEDED, Instant.parse("2025-03-01T14:01:00Z")),
                org.assertj.core.groups.Tuple.tuple("smoke", RunStatus.FAILED, null));
        assertThat(run.getLog()).isEqualTo("deploying checkout 2.4.0\ndone");
    }

    @Test
    void aRollbackRehearsalHasNoErrorCountsAndMayHaveNoLog() {
        RehearsalRun run = RehearsalRuns.rollback(utf8("""
                {"status": "FAILED", "startedAt": "2025-03-01T17:00:00Z", "finishedAt": "2025-03-01T17:12:00Z", "steps": []}"""));

        assertThat(run.getStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(run.getBlockingErrors()).isNull();
        assertThat(run.getLog()).isNull();
    }

    @Test
    void theEventKeepsTheLogsFirst256KiBWithoutCuttingACharacter() {
        String log = "a" + "€".repeat(100_000);
        RehearsalRun run = RehearsalRuns.rollback(utf8("{\"status\": \"SUCCEEDED\", \"startedAt\": \"2025-03-01T17:00:00Z\", "
                + "\"finishedAt\": \"2025-03-01T17:00:01Z\", \"steps\": [], \"log\": \"" + log + "\"}"));

        byte[] kept = run.getLog().getBytes(StandardCharsets.UTF_8);
        // 1 byte of "a", then 3 bytes per euro sign: 87,381 of them fit in 262,144 bytes, the 87,382nd would not.
        assertThat(kept).hasSize(1 + 3 * 87_381);
        assertThat(log).startsWith(run.getLog());
        assertThat(RehearsalRuns.firstBytesOf("short")).isEqualTo("short");
        String exactlyAtTheLimit = "x".repeat(RehearsalRuns.LOG_LIMIT_BYTES);
        assertThat(RehearsalRuns.firstBytesOf(exactlyAtTheLimit)).isEqualTo(exactlyAtTheLimit);
        assertThat(RehearsalRuns.firstBytesOf(exactlyAtTheLimit + "y")).isEqualTo(exactlyAtTheLimit);
    }

    @Test
    void eachMissingOrMistypedFieldIsRefusedByItsPath() {
        assertRefused(without("status"), "status is missing");
        assertRefused(DEPLOYMENT.replace("\"SUCCEEDED\", \"startedAt\": \"2025-03-01T14:00:00Z\", \"finishedAt\"", "\"DONE\", \"startedAt\": \"2025-03-01T14:00:00Z\", \"finishedAt\""),
                "status must be one of SUCCEEDED, FAILED; it is \"DONE\"");
        assertRefused(DEPLOYMENT.replace("\"blockingErrors\": 0", "\"blockingErrors\": \"none\""), "blockingErrors must be a whole number; it is \"none\"");
        assertRefused(DEPLOYMENT.replace("\"blockingErrors\": 0", "\"blockingErrors\": -1"), "blockingErrors must not be negative");
        assertRefused(DEPLOYMENT.replace("\"blockingErrors\": 0", "\"blockingErrors\": 1.5"), "blockingErrors must be a whole number");
        assertRefused(DEPLOYMENT.replace("\"nonBlockingErrors\": 2,", ""), "nonBlockingErrors is missing");
        assertRefused(DEPLOYMENT.replace("\"startedAt\": \"2025-03-01T14:00:00Z\", \"finishedAt\": \"2025-03-01T16", "\"startedAt\": \"2025-03-01 14:00\", \"finishedAt\": \"2025-03-01T16"),
                "startedAt must be an ISO-8601 time with a zone offset");
        assertRefused(DEPLOYMENT.replace("\"2025-03-01T14:00:00Z\", \"finishedAt\": \"2025-03-01T16:04:30.123456+02:00\"", "\"2025-03-01T14:00:00\", \"finishedAt\": \"2025-03-01T16:04:30+02:00\""),
                "startedAt must be an ISO-8601 time with a zone offset");
        assertRefused(DEPLOYMENT.replace("16:04:30.123456+02:00", "13:00:00+02:00"), "finishedAt (2025-03-01T11:00:00Z) is before startedAt");
        assertRefused(DEPLOYMENT.replace("{\"name\": \"smoke\", \"status\": \"FAILED\"}", "{\"status\": \"FAILED\"}"), "steps[1].name is missing");
        assertRefused(DEPLOYMENT.replace("{\"name\": \"smoke\", \"status\": \"FAILED\"}", "\"smoke\""), "steps[1] must be a JSON object; it is \"smoke\"");
        assertRefused(DEPLOYMENT.replace("\"log\": \"deploying checkout 2.4.0\\ndone\"", "\"log\": [\"line\"]"), "log must be a string; it is an array");
        assertRefused(DEPLOYMENT.replace("\"steps\": [", "\"steps\": {\"a\": [").replace("\"FAILED\"}],", "\"FAILED\"}]},"), "steps must be a JSON array; it is an object");
        assertRefused("[]", "the body must be a JSON object; it is an array");
        assertRefused("{\"status\": ", "the body is not a JSON object");
        assertRefused("", "the body is empty");
    }

    private static String without(String field) {
        return DEPLOYMENT.replace("\"" + field + "\": \"SUCCEEDED\", ", "");
    }

    private static void assertRefused(String body, String context) {
        Function<byte[], RehearsalRun> parser = RehearsalRuns::deployment;
        assertThatThrownBy(() -> parser.apply(utf8(body))).as(body).isInstanceOf(RejectedPayload.class)
                .satisfies(refused -> {
                    assertThat(((RejectedPayload) refused).report().failed()).isEqualTo("deployment-rehearsal payload");
                    assertThat(((RejectedPayload) refused).report().context()).contains(context);
                    assertThat(((RejectedPayload) refused).report().resolution()).contains("blockingErrors");
                });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
