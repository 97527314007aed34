package io.gatehouse.intake.results.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.RehearsalStep;
import io.gatehouse.events.RunStatus;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.parsing.Fields;
import io.gatehouse.intake.results.parsing.JsonDocuments;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a deployment rehearsal
 * {@code {"status", "startedAt", "finishedAt", "blockingErrors", "nonBlockingErrors", "steps": [{"name", "status",
 * "startedAt", "finishedAt"}], "log"}} or a rollback rehearsal (the same without the error counts). The event keeps
 * the log's first {@value #LOG_LIMIT_BYTES} bytes; the whole log stays in the stored artifact.
 */
public final class RehearsalRuns {

    public static final String DEPLOYMENT = "deployment-rehearsal";
    public static final String ROLLBACK = "rollback-rehearsal";
    /** 256 KiB of the log travel in the event; a rehearsal log can be far longer than a Kafka record should be. */
    static final int LOG_LIMIT_BYTES = 256 * 1024;

    private RehearsalRuns() {
    }

    /** @throws RejectedPayload when the body is not a deployment rehearsal, naming the first wrong field */
    public static RehearsalRun deployment(byte[] body) {
        return parse(body, DEPLOYMENT, true);
    }

    /** @throws RejectedPayload when the body is not a rollback rehearsal, naming the first wrong field */
    public static RehearsalRun rollback(byte[] body) {
        return parse(body, ROLLBACK, false);
    }

    private static RehearsalRun parse(byte[] body, String kind, boolean countsErrors) {
        String resolution = "send {\"status\": \"SUCCEEDED|FAILED\", \"startedAt\", \"finishedAt\", "
                + (countsErrors ? "\"blockingErrors\", \"nonBlockingErrors\", " : "")
                + "\"steps\": [{\"name\", \"status\", \"startedAt\", \"finishedAt\"}], \"log\"}, times in ISO-8601 with an offset";
        Fields fields = new Fields(kind, resolution);
        JsonNode run = fields.object(JsonDocuments.json(body, kind, "a JSON object", resolution), "");
        Instant startedAt = fields.time(run, "startedAt", "");
        Instant finishedAt = fields.time(run, "finishedAt", "");
        if (finishedAt.isBefore(startedAt)) {
            throw fields.invalid("finishedAt (" + finishedAt + ") is before startedAt (" + startedAt + ")");
        }
        RehearsalRun.Builder builder = RehearsalRun.newBuilder()
                .setStatus(fields.oneOf(run, "status", "", RunStatus.class))
                .setStartedAt(startedAt)
                .setFinishedAt(finishedAt)
                .setSteps(steps(fields, fields.array(run, "steps", "")))
                .setLog(fields.optionalText(run, "log", "").map(RehearsalRuns::firstBytesOf).orElse(null));
        if (countsErrors) {
            builder.setBlockingErrors(fields.count(run, "blockingErrors", "")).setNonBlockingErrors(fields.count(run, "nonBlockingErrors", ""));
        }
        return builder.build();
    }

    private static List<RehearsalStep> steps(Fields fields, JsonNode steps) {
        List<RehearsalStep> read = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            String path = "steps[" + i + "]";
            JsonNode step = fields.object(steps.get(i), path);
            Instant startedAt = fields.optionalTime(step, "startedAt", path).orElse(null);
            Instant finishedAt = fields.optionalTime(step, "finishedAt", path).orElse(null);
            if (startedAt != null && finishedAt != null && finishedAt.isBefore(startedAt)) {
                throw fields.invalid(path + ".finishedAt (" + finishedAt + ") is before its startedAt (" + startedAt + ")");
            }
            read.add(RehearsalStep.newBuilder().setName(fields.text(step, "name", path))
                    .setStatus(fields.oneOf(step, "status", path, RunStatus.class))
                    .setStartedAt(startedAt).setFinishedAt(finishedAt).build());
        }
        return read;
    }

    /** The longest start of {@code log} that is at most {@link #LOG_LIMIT_BYTES} in UTF-8, never cutting a character. */
    static String firstBytesOf(String log) {
        byte[] utf8 = log.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= LOG_LIMIT_BYTES) {
            return log;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.IGNORE);
        CharBuffer chars = CharBuffer.allocate(LOG_LIMIT_BYTES);
        // A character cut at the limit is incomplete input at the end, which the decoder leaves undecoded.
        decoder.decode(ByteBuffer.wrap(utf8, 0, LOG_LIMIT_BYTES), chars, false);
        return chars.flip().toString();
    }
}
