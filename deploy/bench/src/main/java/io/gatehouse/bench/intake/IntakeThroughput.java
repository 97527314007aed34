package io.gatehouse.bench.intake;

import io.gatehouse.bench.console.Progress;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Group;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Payload;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Status;
import io.gatehouse.bench.payload.AlertmanagerPayloads;
import io.gatehouse.bench.stack.Pause;
import io.gatehouse.bench.stack.SendFailures;
import io.gatehouse.bench.stack.Stack;
import io.gatehouse.bench.stack.TopicFollower;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Phase 2: raw Alertmanager payloads produced straight onto alerts.inbound, as any producer may (header
 * {@code gatehouse-format: alertmanager}, key the payload's groupKey), and counted as AlertReceived on gatehouse.alerts.
 * The alerts are resolved ones of groups no incident is open for: this phase measures intake, and leaves
 * incident-service only a cheap "nothing to resolve" per alert to work off before the next phase.
 */
public final class IntakeThroughput {

    static final String SERVICE = "bench-intake";
    private static final String FORMAT_HEADER = "gatehouse-format";
    private static final byte[] ALERTMANAGER = "alertmanager".getBytes(StandardCharsets.UTF_8);
    private static final String ALERT_RECEIVED = AlertReceived.getClassSchema().getFullName();
    /** Alert names per phase: enough group keys to spread the payloads over every partition of alerts.inbound. */
    private static final int GROUPS = 100;

    private final Stack stack;
    private final AlertmanagerPayloads payloads;
    private final Duration settleLimit;

    public IntakeThroughput(Stack stack, AlertmanagerPayloads payloads, Duration settleLimit) {
        this.stack = stack;
        this.payloads = payloads;
        this.settleLimit = settleLimit;
    }

    public IntakeResult run(int alerts) {
        Progress progress = new Progress("intake");
        AtomicLong received = new AtomicLong();
        AtomicLong lastSeen = new AtomicLong();
        String ourKeys = SERVICE + ":";
        try (TopicFollower follower = TopicFollower.start(stack, Topics.ALERTS, seen -> {
            Header type = seen.record().headers().lastHeader(CloudEvent.TYPE);
            String key = seen.record().key();
            if (type != null && ALERT_RECEIVED.equals(new String(type.value(), StandardCharsets.UTF_8)) && key != null && key.startsWith(ourKeys)) {
                received.incrementAndGet();
                lastSeen.set(seen.seenNanos());
            }
        })) {
            Group[] groups = new Group[GROUPS];
            for (int i = 0; i < GROUPS; i++) {
                groups[i] = new Group(SERVICE, "IntakeBench" + i);
            }
            SendFailures failures = new SendFailures();
            long start = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(stack.producerConfig())) {
                for (int i = 0; i < alerts; i++) {
                    Payload payload = payloads.webhook(groups[i % GROUPS], Status.RESOLVED, i, 1);
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ALERTS_INBOUND, payload.group().groupKey(), payload.body());
                    record.headers().add(FORMAT_HEADER, ALERTMANAGER);
                    producer.send(record, failures);
                    progress.report("producing onto " + Topics.ALERTS_INBOUND + ": " + Progress.count(i + 1) + " of " + Progress.count(alerts)
                            + "; AlertReceived seen on " + Topics.ALERTS + ": " + Progress.count(received.get()));
                }
                producer.flush();
            }
            failures.check();
            progress.say(String.format("produced %s payloads in %.1f s; waiting for their AlertReceived on %s",
                    Progress.count(alerts), (System.nanoTime() - start) / 1e9, Topics.ALERTS));
            long deadline = System.nanoTime() + settleLimit.toNanos();
            while (received.get() < alerts && System.nanoTime() < deadline) {
                follower.check();
                progress.report("waiting for AlertReceived on " + Topics.ALERTS + ": " + Progress.count(received.get()) + " of " + Progress.count(alerts));
                Pause.millis(100);
            }
            boolean completed = received.get() >= alerts;
            long end = completed ? lastSeen.get() : System.nanoTime();
            IntakeResult result = new IntakeResult(alerts, received.get(), (end - start) / 1e9, completed);
            progress.say(String.format("%s%s of %s alerts normalized in %.1f s: %.0f alerts/s", completed ? "" : "GAVE UP: only ",
                    Progress.count(result.received()), Progress.count(alerts), result.seconds(), result.perSec()));
            return result;
        }
    }
}
