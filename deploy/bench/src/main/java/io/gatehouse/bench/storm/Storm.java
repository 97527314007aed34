package io.gatehouse.bench.storm;

import io.gatehouse.bench.console.Progress;
import io.gatehouse.bench.http.LoadGenerator;
import io.gatehouse.bench.http.LoadResult;
import io.gatehouse.bench.http.Post;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Group;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Status;
import io.gatehouse.bench.payload.AlertmanagerPayloads;
import io.gatehouse.bench.stack.Pause;
import io.gatehouse.bench.stack.Stack;
import io.gatehouse.bench.stats.ApplyProgress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Phase 5: an alert storm posted as Alertmanager sends one, each post carrying several firing alerts of one group, the
 * groups taking turns; then the wait until incident-service has applied every accepted alert into exactly one incident
 * per group, watched in PostgreSQL every 200 ms. Each storm has a service of its own, so its incidents and alerts are
 * counted apart from every other phase's. The wait is bounded: a stack too slow for the storm is reported with how far
 * it got, not waited for.
 */
public final class Storm {

    private static final long POLL_MILLIS = 200;

    private final Stack stack;
    private final AlertmanagerPayloads payloads;
    private final Duration applyLimit;

    public Storm(Stack stack, AlertmanagerPayloads payloads, Duration applyLimit) {
        this.stack = stack;
        this.payloads = payloads;
        this.applyLimit = applyLimit;
    }

    /**
     * Posts {@code alerts} over {@code keys} groups of {@code service}, {@code alertsPerPost} to a post, and waits until
     * they are applied.
     */
    public StormResult run(String phase, String service, int keys, int alerts, int alertsPerPost, int connections, long rateWindow) {
        Progress progress = new Progress(phase);
        int posts = alerts / alertsPerPost;
        ApplyProgress applied = new ApplyProgress();
        AtomicReference<AppliedAlerts.Count> latest = new AtomicReference<>(new AppliedAlerts.Count(0, 0));
        AtomicReference<RuntimeException> pollFailure = new AtomicReference<>();
        progress.say(String.format("posting %s alerts over %s grouping key%s (%d a post, %d connections)", Progress.count(alerts),
                Progress.count(keys), keys == 1 ? "" : "s", alertsPerPost, connections));
        try (AppliedAlerts database = new AppliedAlerts(stack)) {
            // The baseline, before the first post: the poller's first sample may come late on a busy machine, when
            // alerts are already applied, and the first rate needs a sample from before any was.
            AppliedAlerts.Count before = database.of(service);
            applied.record(System.nanoTime(), before.alerts());
            latest.set(before);
            Thread poller = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        AppliedAlerts.Count count = database.of(service);
                        applied.record(System.nanoTime(), count.alerts());
                        latest.set(count);
                        Thread.sleep(POLL_MILLIS);
                    }
                } catch (InterruptedException e) {
                    // The storm is over.
                } catch (RuntimeException e) {
                    pollFailure.set(e);
                }
            }, "bench-storm-poll");
            poller.setDaemon(true);
            poller.start();
            try {
                LoadResult load = new LoadGenerator(stack.alertmanagerWebhook(), connections, progress).closedLoop(index -> {
                    if (index >= posts) {
                        return null;
                    }
                    int key = (int) (index % keys);
                    long round = index / keys;
                    Group group = new Group(service, "StormBench" + key);
                    return new Post(payloads.webhook(group, Status.FIRING, round * alertsPerPost, alertsPerPost).body(), alertsPerPost);
                }, Long.MAX_VALUE);
                progress.say(String.format("posted %s alerts in %.1f s, %s accepted, %s posts failed%s; waiting until they are applied",
                        Progress.count(alerts), load.seconds(), Progress.count(load.acceptedAlerts()), Progress.count(load.errors()),
                        load.firstError() == null ? "" : " (first: " + load.firstError() + ")"));
                long deadline = load.endNanos() + applyLimit.toNanos();
                long doneNanos = -1;
                while (doneNanos < 0 && System.nanoTime() < deadline) {
                    if (pollFailure.get() != null) {
                        throw pollFailure.get();
                    }
                    AppliedAlerts.Count count = latest.get();
                    if (count.alerts() >= load.acceptedAlerts() && count.incidents() == keys) {
                        doneNanos = System.nanoTime();
                    } else {
                        progress.report(String.format("waiting until every alert is applied: %s of %s alerts, %s of %s incidents",
                                Progress.count(count.alerts()), Progress.count(load.acceptedAlerts()), Progress.count(count.incidents()),
                                Progress.count(keys)));
                        Pause.millis(POLL_MILLIS / 2);
                    }
                }
                poller.interrupt();
                poller.join();
                AppliedAlerts.Count last = database.of(service);
                applied.record(System.nanoTime(), last.alerts());
                boolean completed = doneNanos >= 0;
                long end = completed ? doneNanos : System.nanoTime();
                StormResult result = new StormResult(keys, alerts, load.acceptedAlerts(), load.errors(), last.incidents(), last.alerts(),
                        Math.max(0, load.acceptedAlerts() - last.alerts()), (end - load.startNanos()) / 1e9, load.seconds(), completed, rateWindow,
                        applied.firstRatePerSec(rateWindow), applied.lastRatePerSec(rateWindow), load.endNanos());
                progress.say(String.format("%s%s of %s alerts applied into %s incident(s) %.1f s after the first post (posting took %.1f s);"
                                + " %s lost; apply rate %s/s over the first %s, %s/s over the last %s",
                        completed ? "" : "GAVE UP after " + applyLimit.toSeconds() + " s past the last post: ", Progress.count(result.applied()),
                        Progress.count(result.accepted()), Progress.count(result.incidents()), result.seconds(), result.postingSeconds(),
                        Progress.count(result.lost()), rate(result.firstRatePerSec()), Progress.count(rateWindow), rate(result.lastRatePerSec()),
                        Progress.count(rateWindow)));
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } finally {
                poller.interrupt();
            }
        }
    }

    private static String rate(Double perSec) {
        return perSec == null ? "-" : String.format("%.0f", perSec);
    }
}
