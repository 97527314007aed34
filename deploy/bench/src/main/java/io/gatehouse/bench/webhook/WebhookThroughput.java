package io.gatehouse.bench.webhook;

import io.gatehouse.bench.console.Progress;
import io.gatehouse.bench.http.LoadGenerator;
import io.gatehouse.bench.http.LoadResult;
import io.gatehouse.bench.http.Post;
import io.gatehouse.bench.payload.AlertmanagerPayloads;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Group;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Status;
import io.gatehouse.bench.stack.Stack;
import java.time.Duration;

/**
 * Phase 3: one-alert Alertmanager webhooks posted to intake-service over many keep-alive connections, closed loop, for
 * a fixed time: requests per second and latency. Like intake's, the alerts are resolved ones of groups without an
 * incident, so the phase loads intake-service and leaves little for the others to work off.
 */
public final class WebhookThroughput {

    static final String SERVICE = "bench-webhook";
    private static final int GROUPS = 100;

    private final Stack stack;
    private final AlertmanagerPayloads payloads;

    public WebhookThroughput(Stack stack, AlertmanagerPayloads payloads) {
        this.stack = stack;
        this.payloads = payloads;
    }

    public WebhookResult run(Duration duration, int connections) {
        Progress progress = new Progress("webhook");
        progress.say("posting one-alert webhooks to " + stack.alertmanagerWebhook() + " for " + duration.toSeconds() + " s over "
                + connections + " connections");
        LoadResult load = new LoadGenerator(stack.alertmanagerWebhook(), connections, progress).closedLoop(index -> {
            Group group = new Group(SERVICE, "WebhookBench" + index % GROUPS);
            return new Post(payloads.webhook(group, Status.RESOLVED, index, 1).body(), 1);
        }, duration.toNanos());
        WebhookResult result = new WebhookResult(load.requests(), load.errors(), load.firstError(), load.seconds(),
                load.latencies().percentileMillis(50), load.latencies().percentileMillis(99), load.latencies().maxMillis());
        progress.say(String.format("%s requests in %.1f s: %.0f requests/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %s errors%s",
                Progress.count(result.requests()), result.seconds(), result.perSec(), orNaN(result.p50Ms()), orNaN(result.p99Ms()),
                orNaN(result.maxMs()), Progress.count(result.errors()), result.firstError() == null ? "" : " (first: " + result.firstError() + ")"));
        return result;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
