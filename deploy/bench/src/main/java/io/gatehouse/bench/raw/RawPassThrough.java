package io.gatehouse.bench.raw;

import io.gatehouse.bench.console.Progress;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Group;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Payload;
import io.gatehouse.bench.payload.AlertmanagerPayloads.Status;
import io.gatehouse.bench.payload.AlertmanagerPayloads;
import io.gatehouse.bench.stack.Pause;
import io.gatehouse.bench.stack.SendFailures;
import io.gatehouse.bench.stack.Stack;
import io.gatehouse.events.Topics;
import io.gatehouse.topics.GatehouseTopics;
import io.gatehouse.topics.TopicDeclaration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The ceiling for intake: the same records, on the same broker, partitioned like alerts.inbound, copied by nothing but
 * a plain consumer and producer (acks=all, idempotent, batched). Two scratch topics, created for the phase and deleted
 * after it; the copy is timed from the first poll to the last acknowledged send.
 */
public final class RawPassThrough {

    static final String SOURCE = "bench.raw.source";
    static final String SINK = "bench.raw.sink";
    private static final long TIMEOUT_SECONDS = 60;
    private static final Duration COPY_LIMIT = Duration.ofMinutes(5);

    private final Stack stack;
    private final AlertmanagerPayloads payloads;

    public RawPassThrough(Stack stack, AlertmanagerPayloads payloads) {
        this.stack = stack;
        this.payloads = payloads;
    }

    public RawResult run(int records) {
        Progress progress = new Progress("raw");
        try (Admin admin = Admin.create(stack.adminConfig())) {
            recreateTopics(admin);
            try {
                double producePerSec = produce(records, progress);
                progress.say(String.format("produced %s records onto %s at %.0f records/s; copying them onto %s",
                        Progress.count(records), SOURCE, producePerSec, SINK));
                double seconds = copy(records, progress);
                RawResult result = new RawResult(records, producePerSec, seconds);
                progress.say(String.format("pass-through: %.0f records/s", result.passThroughPerSec()));
                return result;
            } finally {
                deleteTopics(admin);
            }
        }
    }

    private double produce(int records, Progress progress) {
        Group[] groups = new Group[100];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = new Group("bench-raw", "RawPassThrough" + i);
        }
        long start = System.nanoTime();
        SendFailures failures = new SendFailures();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(stack.producerConfig())) {
            for (int i = 0; i < records; i++) {
                Payload payload = payloads.webhook(groups[i % groups.length], Status.RESOLVED, i, 1);
                producer.send(new ProducerRecord<>(SOURCE, payload.group().groupKey(), payload.body()), failures);
                progress.report("producing onto " + SOURCE + ": " + Progress.count(i + 1) + " of " + Progress.count(records));
            }
            producer.flush();
        }
        failures.check();
        return records / ((System.nanoTime() - start) / 1e9);
    }

    private double copy(int records, Progress progress) {
        SendFailures failures = new SendFailures();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(stack.consumerConfig());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(stack.producerConfig())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(SOURCE).forEach(p -> partitions.add(new TopicPartition(SOURCE, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + COPY_LIMIT.toNanos();
            // Timed from the first records polled: finding the partitions' leaders and offsets is not copying.
            long start = -1;
            long copied = 0;
            while (copied < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the pass-through copied only " + copied + " of " + records + " records in " + COPY_LIMIT.toMinutes() + " min");
                }
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(500));
                if (start < 0 && !polled.isEmpty()) {
                    start = System.nanoTime();
                }
                for (ConsumerRecord<String, byte[]> record : polled) {
                    producer.send(new ProducerRecord<>(SINK, null, record.key(), record.value(), record.headers()), failures);
                }
                copied += polled.count();
                progress.report("copying " + SOURCE + " to " + SINK + ": " + Progress.count(copied) + " of " + Progress.count(records));
            }
            producer.flush();
            failures.check();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private void recreateTopics(Admin admin) {
        deleteTopics(admin);
        TopicDeclaration inbound = GatehouseTopics.named(Topics.ALERTS_INBOUND, 1)
                .orElseThrow(() -> new IllegalStateException(Topics.ALERTS_INBOUND + " is not declared in topics/"));
        List<NewTopic> topics = List.of(SOURCE, SINK).stream()
                .map(name -> new NewTopic(name, inbound.partitions(), (short) inbound.replicationFactor()).configs(inbound.config()))
                .toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                admin.createTopics(topics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                // A topic deleted a moment ago may still be on its way out.
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot create the bench topics: " + e.getCause(), e.getCause());
                }
                Pause.millis(500);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the broker did not create the bench topics in " + TIMEOUT_SECONDS + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private static void deleteTopics(Admin admin) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> ours = List.of(SOURCE, SINK).stream().filter(existing::contains).toList();
            if (!ours.isEmpty()) {
                admin.deleteTopics(ours).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw new IllegalStateException("cannot delete the bench topics: " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not delete the bench topics in " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
