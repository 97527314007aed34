package io.gatehouse.bench.latency;

import io.gatehouse.bench.console.Progress;
import io.gatehouse.bench.http.LoadGenerator.FixedRate;
import io.gatehouse.bench.http.LoadGenerator;
import io.gatehouse.bench.http.LoadResult;
import io.gatehouse.bench.http.Post;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Group;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Payload;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Status;
import io.gatehouse.bench.payload.AlertmanagerPayloads;
import io.gatehouse.bench.stack.Pause;
import io.gatehouse.bench.stack.Stack;
import io.gatehouse.bench.stack.TopicFollower;
import io.gatehouse.bench.stats.Latencies;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.common.header.Header;

/**
 * Phase 4: alerts posted at a fixed rate, each of a group of its own so that each opens an incident, followed to their
 * incident's first SeverityClassified on gatehouse.incidents: IncidentOpened names the alert that opened it
 * ({@code openingAlertId}, the alert's fingerprint), SeverityClassified the incident. The latency counts from when the
 * post was due, not from when it was sent, so a stack that falls behind the rate cannot hide it.
 */
public final class AlertToSeverity {

    static final String SERVICE = "bench-latency";
    private static final String OPENED = IncidentOpened.getClassSchema().getFullName();
    private static final String CLASSIFIED = SeverityClassified.getClassSchema().getFullName();

    private final Stack stack;
    private final AlertmanagerPayloads payloads;
    private final Duration settleLimit;

    public AlertToSeverity(Stack stack, AlertmanagerPayloads payloads, Duration settleLimit) {
        this.stack = stack;
        this.payloads = payloads;
        this.settleLimit = settleLimit;
    }

    public SeverityLatencyResult run(int ratePerSec, Duration duration, int connections) {
        Progress progress = new Progress("severity");
        int alerts = (int) (ratePerSec * duration.toSeconds());
        List<byte[]> bodies = new ArrayList<>(alerts);
        Map<String, Integer> indexOfAlert = new HashMap<>();
        for (int i = 0; i < alerts; i++) {
            Payload payload = payloads.webhook(new Group(SERVICE, "SeverityBench" + i), Status.FIRING, i, 1);
            bodies.add(payload.body());
            indexOfAlert.put(payload.fingerprints().get(0), i);
        }
        // Filled by the follower's thread only; the latency of alert i, or 0 while it has not arrived.
        AtomicLongArray latency = new AtomicLongArray(alerts);
        AtomicInteger arrived = new AtomicInteger();
        Map<String, Integer> alertOfIncident = new HashMap<>();
        Map<String, Long> classifiedBeforeOpened = new HashMap<>();
        FixedRate rate = FixedRate.startingNow(ratePerSec);
        LoadResult load;
        try (TopicFollower follower = TopicFollower.start(stack, Topics.INCIDENTS, seen -> {
            Header type = seen.record().headers().lastHeader(CloudEvent.TYPE);
            String name = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
            if (name.equals(OPENED)) {
                IncidentOpened opened = EventCodec.decode(seen.record().value(), IncidentOpened.class);
                Integer alert = indexOfAlert.get(opened.getOpeningAlertId());
                if (alert != null) {
                    alertOfIncident.put(opened.getIncidentId(), alert);
                    Long classified = classifiedBeforeOpened.remove(opened.getIncidentId());
                    if (classified != null) {
                        arrive(latency, arrived, alert, classified - rate.dueNanos(alert));
                    }
                }
            } else if (name.equals(CLASSIFIED)) {
                String incident = EventCodec.decode(seen.record().value(), SeverityClassified.class).getIncidentId();
                Integer alert = alertOfIncident.get(incident);
                if (alert == null) {
                    classifiedBeforeOpened.putIfAbsent(incident, seen.seenNanos());
                } else {
                    arrive(latency, arrived, alert, seen.seenNanos() - rate.dueNanos(alert));
                }
            }
        })) {
            progress.say("posting " + Progress.count(alerts) + " alerts at " + ratePerSec + "/s, each opening an incident");
            load = new LoadGenerator(stack.alertmanagerWebhook(), connections, progress)
                    .fixedRate(index -> index < alerts ? new Post(bodies.get((int) index), 1) : null, rate);
            long deadline = System.nanoTime() + settleLimit.toNanos();
            while (arrived.get() < load.accepted() && System.nanoTime() < deadline) {
                follower.check();
                progress.report("waiting for SeverityClassified on " + Topics.INCIDENTS + ": " + Progress.count(arrived.get()) + " of "
                        + Progress.count(load.accepted()));
                Pause.millis(100);
            }
        }
        long[] arrivedLatencies = new long[alerts];
        int at = 0;
        for (int i = 0; i < alerts; i++) {
            if (latency.get(i) != 0) {
                arrivedLatencies[at++] = latency.get(i);
            }
        }
        Latencies latencies = Latencies.of(Arrays.copyOf(arrivedLatencies, at));
        SeverityLatencyResult result = new SeverityLatencyResult(alerts, ratePerSec, latencies.count(), alerts - latencies.count(), load.errors(),
                latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.maxMillis());
        progress.say(String.format("%s of %s alerts reached SeverityClassified: p50 %s ms, p99 %s ms, max %s ms; %s never arrived, %s posts failed",
                Progress.count(result.arrived()), Progress.count(alerts), millis(result.p50Ms()), millis(result.p99Ms()), millis(result.maxMs()),
                Progress.count(result.missing()), Progress.count(result.postErrors())));
        return result;
    }

    private static void arrive(AtomicLongArray latency, AtomicInteger arrived, int alert, long nanos) {
        // Only an incident's first classification counts; a latency is never 0 in practice, 1 ns stands for it.
        if (latency.compareAndSet(alert, 0, Math.max(nanos, 1))) {
            arrived.incrementAndGet();
        }
    }

    private static String millis(Double value) {
        return value == null ? "-" : String.format("%.1f", value);
    }
}
