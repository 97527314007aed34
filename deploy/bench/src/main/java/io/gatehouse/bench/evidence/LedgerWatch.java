package io.gatehouse.bench.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.bench.console.Progress;
import io.gatehouse.bench.stack.Pause;
import io.gatehouse.bench.stack.StackDrain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Phase 6, evidence during a storm: how many ledger entries evidence-service appends per second while the storm runs
 * (its ledger head's {@code seq}, from {@code GET /v1/evidence/ledger/head}, at the start and the end), and how long
 * after the storm's last post evidence-service has caught up with every event: when no consumer group of the stack has
 * lag left, evidence-service, last in the chain, has read everything the others published.
 */
public final class LedgerWatch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_MILLIS = 200;

    // HTTP/1.1: asked to upgrade to cleartext HTTP/2, Quarkus answers blocking endpoints with a 500.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI head;
    private final StackDrain drain;
    private long startNanos;
    private long startSeq;

    public LedgerWatch(URI evidenceUrl, StackDrain drain) {
        this.head = evidenceUrl.resolve("/v1/evidence/ledger/head");
        this.drain = drain;
    }

    /** Reads the ledger head as the storm starts. */
    public void start() {
        startNanos = System.nanoTime();
        startSeq = headSeq();
    }

    /**
     * Waits, at most {@code limit}, until no consumer group has lag left (for a second), then measures.
     *
     * @param lastPostNanos when the storm's last post was answered
     */
    public LedgerResult awaitCaughtUp(long lastPostNanos, Duration limit) {
        Progress progress = new Progress("evidence");
        long deadline = System.nanoTime() + limit.toNanos();
        long quietSince = -1;
        while (System.nanoTime() < deadline) {
            Map<String, Long> lags = drain.lag();
            long lag = lags.values().stream().mapToLong(Long::longValue).sum();
            long now = System.nanoTime();
            if (lag > 0) {
                quietSince = -1;
                progress.report("waiting for evidence-service to catch up with the storm: lag " + StackDrain.describe(lags));
            } else if (quietSince < 0) {
                quietSince = now;
            } else if (now - quietSince >= 1_000_000_000L) {
                return measure(quietSince, lastPostNanos, progress);
            }
            Pause.millis(POLL_MILLIS);
        }
        LedgerResult result = new LedgerResult(appendsPerSec(System.nanoTime()), null);
        progress.say("GAVE UP waiting for evidence-service to catch up after " + limit.toSeconds() + " s; " + describe(result));
        return result;
    }

    private LedgerResult measure(long caughtUpNanos, long lastPostNanos, Progress progress) {
        LedgerResult result = new LedgerResult(appendsPerSec(caughtUpNanos), Math.max(0, (caughtUpNanos - lastPostNanos) / 1e9));
        progress.say("evidence-service caught up: " + describe(result));
        return result;
    }

    private Double appendsPerSec(long untilNanos) {
        long appended = headSeq() - startSeq;
        double seconds = (untilNanos - startNanos) / 1e9;
        return seconds <= 0 ? null : appended / seconds;
    }

    private static String describe(LedgerResult result) {
        return String.format("%s ledger appends/s during the storm, lag back to 0 %s after its last post",
                result.appendsPerSec() == null ? "-" : String.format("%.0f", result.appendsPerSec()),
                result.lagSecondsAfterStorm() == null ? "never (within the wait)" : String.format("%.1f s", result.lagSecondsAfterStorm()));
    }

    private long headSeq() {
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(head).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + head + " answered " + answer.statusCode());
            }
            JsonNode seq = JSON.readTree(answer.body()).path("seq");
            if (!seq.canConvertToLong()) {
                throw new IllegalStateException("GET " + head + " has no seq: " + new String(answer.body(), StandardCharsets.UTF_8));
            }
            return seq.asLong();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the ledger head at " + head + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
