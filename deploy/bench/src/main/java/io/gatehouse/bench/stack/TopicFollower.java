package io.gatehouse.bench.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads a topic from its end as it is at {@link #start}, on a thread of its own, handing each record to the phase
 * with the time the bench saw it: what a phase sends is counted on the way out of the stack, not inside it.
 */
public final class TopicFollower implements AutoCloseable {

    /** A record and when the bench read it (System.nanoTime). */
    public interface Handler extends Consumer<Seen> {
    }

    public record Seen(ConsumerRecord<String, byte[]> record, long seenNanos) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private TopicFollower(Stack stack, String topic, Handler handler) {
        consumer = new KafkaConsumer<>(stack.consumerConfig());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // The end is resolved now, before the phase sends anything; seekToEnd alone is lazy.
        partitions.forEach(consumer::position);
        thread = new Thread(() -> follow(handler), "bench-follow-" + topic);
        thread.setDaemon(true);
    }

    /** Follows {@code topic} from its current end. */
    public static TopicFollower start(Stack stack, String topic, Handler handler) {
        TopicFollower follower = new TopicFollower(stack, topic, handler);
        follower.thread.start();
        return follower;
    }

    private void follow(Handler handler) {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    handler.accept(new Seen(record, System.nanoTime()));
                }
            }
        } catch (WakeupException e) {
            // close() ends the poll.
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close();
        }
    }

    /** @throws IllegalStateException when reading the topic failed */
    public void check() {
        if (failure != null) {
            throw new IllegalStateException("reading the topic failed: " + failure, failure);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        check();
    }
}
