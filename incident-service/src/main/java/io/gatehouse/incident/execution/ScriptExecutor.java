package io.gatehouse.incident.execution;

import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.events.RollbackRequested;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bundled executor for local runs: carries out a RollbackRequested or MitigationExecutionRequested by running a
 * configured script, with the incident, the mitigation's kind and description, the service and the previous release in
 * its environment. Exit status 0 is success.
 */
final class ScriptExecutor {

    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int OUTPUT_LIMIT = 16 * 1024;

    /** A command to carry out: a rollback to the previous release, or another mitigation as the plan describes it. */
    record Command(String incidentId, MitigationKind kind, String service, String previousRelease, String description) {

        static Command of(RollbackRequested request) {
            return new Command(request.getIncidentId(), MitigationKind.ROLLBACK, request.getService(), request.getPreviousRelease(), "rollback");
        }

        static Command of(MitigationExecutionRequested request) {
            return new Command(request.getIncidentId(), request.getKind(), request.getService(), null, request.getDescription());
        }
    }

    /** What running the script came to. */
    record Result(ExecutionStatus status, Instant startedAt, Duration duration, String output) {
    }

    private ScriptExecutor() {
    }

    static Result run(String script, Command command) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProcessBuilder builder = new ProcessBuilder(List.of(script)).redirectErrorStream(true);
        builder.environment().put("GATEHOUSE_INCIDENT_ID", command.incidentId());
        builder.environment().put("GATEHOUSE_MITIGATION_KIND", command.kind().name());
        builder.environment().put("GATEHOUSE_MITIGATION_DESCRIPTION", command.description());
        builder.environment().put("GATEHOUSE_SERVICE", command.service() == null ? "" : command.service());
        builder.environment().put("GATEHOUSE_PREVIOUS_RELEASE", command.previousRelease() == null ? "" : command.previousRelease());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = lastBytes(process.getInputStream());
            boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
                return new Result(ExecutionStatus.FAILED, started, Duration.between(started, Instant.now()), output + "\n[killed after " + TIMEOUT + "]");
            }
            Duration took = Duration.between(started, Instant.now());
            return new Result(process.exitValue() == 0 ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED, started, took,
                    output + (process.exitValue() == 0 ? "" : "\n[exit status " + process.exitValue() + "]"));
        } catch (IOException e) {
            return new Result(ExecutionStatus.FAILED, started, Duration.between(started, Instant.now()), "cannot run " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(ExecutionStatus.FAILED, started, Duration.between(started, Instant.now()), "interrupted while running " + script);
        }
    }

    private static String lastBytes(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        byte[] bytes = all.toByteArray();
        int from = Math.max(0, bytes.length - OUTPUT_LIMIT);
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }
}
