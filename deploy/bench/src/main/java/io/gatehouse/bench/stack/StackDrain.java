package io.gatehouse.bench.stack;

import io.gatehouse.bench.console.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the services' consumer groups are behind their topics (end offset minus committed offset, summed over the
 * partitions; a partition with nothing committed is behind by everything on it), and a bounded wait until none is.
 */
public final class StackDrain implements AutoCloseable {

    private static final long POLL_MILLIS = 500;
    /** Lag must stay 0 this long: an outbox relays what a consumer just applied a moment later. */
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final Map<String, Set<String>> groups;

    public StackDrain(Stack stack, Map<String, Set<String>> groups) {
        this.admin = Admin.create(stack.adminConfig());
        this.groups = groups;
    }

    public Set<String> groups() {
        return groups.keySet();
    }

    /** Each group's lag now. */
    public Map<String, Long> lag() {
        Map<String, Long> lag = new TreeMap<>();
        for (String group : groups.keySet()) {
            lag.put(group, lagOf(group));
        }
        return lag;
    }

    /** One group's lag now. */
    public long lagOf(String group) {
        try {
            List<TopicPartition> partitions = partitionsOf(groups.get(group));
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                long from = offset == null ? earliest.get(partition) : offset.offset();
                lag += Math.max(0, end.get(partition) - from);
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the lag of consumer group " + group + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Waits until every group's lag is 0 (and stays so for a second), at most {@code limit}, printing the lag every
     * two seconds.
     *
     * @return whether the stack drained in time
     */
    public boolean await(String before, Duration limit) {
        Progress progress = new Progress("drain");
        long deadline = System.nanoTime() + limit.toNanos();
        long quietSince = -1;
        while (true) {
            Map<String, Long> lag = lag();
            long total = lag.values().stream().mapToLong(Long::longValue).sum();
            long now = System.nanoTime();
            if (total == 0) {
                if (quietSince < 0) {
                    quietSince = now;
                } else if (now - quietSince >= QUIET_NANOS) {
                    progress.say("drained before " + before);
                    return true;
                }
            } else {
                quietSince = -1;
            }
            if (now > deadline) {
                progress.say("GAVE UP waiting for the stack to drain before " + before + " after " + limit.toSeconds() + " s; lag "
                        + describe(lag) + ". The next phase runs against a busy stack.");
                return false;
            }
            progress.report("waiting for the consumer groups to catch up before " + before + ": lag " + describe(lag));
            Pause.millis(POLL_MILLIS);
        }
    }

    public static String describe(Map<String, Long> lag) {
        return lag.entrySet().stream().map(e -> e.getKey() + " " + Progress.count(e.getValue())).collect(Collectors.joining(", "));
    }

    private List<TopicPartition> partitionsOf(Set<String> topics) throws ExecutionException, TimeoutException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        described.values().forEach(topic -> topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
        return partitions;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = admin.listOffsets(request).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    @Override
    public void close() {
        admin.close();
    }
}
