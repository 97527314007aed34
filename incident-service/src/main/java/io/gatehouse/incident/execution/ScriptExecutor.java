package io.gatehouse.incident.execution;

import io.gatehouse.events.ExecutionStatus;
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
 * The bundled executor for local runs: carries out a RollbackRequested by running a configured script, with the
 * incident, service and previous release in its environment. Exit status 0 is success.
 */
final class ScriptExecutor {

    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int OUTPUT_LIMIT = 16 * 1024;

    /** What running the script came to. */
    record Result(ExecutionStatus status, Instant startedAt, Duration duration, String output) {
    }

    private ScriptExecutor() {
    }

    static Result run(String script, RollbackRequested request) {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProcessBuilder builder = new ProcessBuilder(List.of(script)).redirectErrorStream(true);
        builder.environment().put("GATEHOUSE_INCIDENT_ID", request.getIncidentId());
        builder.environment().put("GATEHOUSE_SERVICE", request.getService() == null ? "" : request.getService());
        builder.environment().put("GATEHOUSE_PREVIOUS_RELEASE", request.getPreviousRelease() == null ? "" : request.getPreviousRelease());
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
