package io.gatehouse.audit.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their first offset to the end offsets taken when the read starts: what was published later is not
 * part of this audit. The consumer has no group, commits nothing and never creates a topic by asking for it.
 */
public final class LogReader {

    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(30);
    /** No record for this long while records are due: the broker stopped answering. */
    private static final Duration STALL = Duration.ofSeconds(60);

    private LogReader() {
    }

    /**
     * @throws LogUnavailable when the broker cannot be reached or stops answering
     */
    public static LogSnapshot read(String bootstrapServers, List<String> topics, ReadProgress progress) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings(bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitionsOf(consumer, topics);
            Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions, BROKER_TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, BROKER_TIMEOUT);
            Map<TopicPartition, LogSnapshot.Bounds> bounds = new HashMap<>();
            partitions.forEach(p -> bounds.put(p, new LogSnapshot.Bounds(first.get(p), end.get(p))));
            long total = partitions.stream().mapToLong(p -> end.get(p) - first.get(p)).sum();

            consumer.assign(partitions);
            Set<TopicPartition> unfinished = new HashSet<>();
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, first.get(partition));
                if (first.get(partition) < end.get(partition)) {
                    unfinished.add(partition);
                }
            }
            consumer.pause(partitions.stream().filter(p -> !unfinished.contains(p)).toList());
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            progress.read(0, total);
            long lastRecordAt = System.nanoTime();
            while (!unfinished.isEmpty()) {
                int before = records.size();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
                for (TopicPartition partition : List.copyOf(unfinished)) {
                    if (consumer.position(partition, BROKER_TIMEOUT) >= end.get(partition)) {
                        unfinished.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
                if (records.size() > before) {
                    lastRecordAt = System.nanoTime();
                } else if (System.nanoTime() - lastRecordAt > STALL.toNanos()) {
                    throw new LogUnavailable("the broker at " + bootstrapServers + " sent no record for " + STALL.toSeconds()
                            + " s while " + unfinished + " had records left to read");
                }
                progress.read(records.size(), total);
            }
            return new LogSnapshot(bounds, records);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new LogUnavailable("the broker at " + bootstrapServers + " did not answer within " + BROKER_TIMEOUT.toSeconds() + " s: " + e.getMessage());
        } catch (KafkaException e) {
            throw new LogUnavailable("cannot read the log from " + bootstrapServers + ": " + e.getMessage());
        }
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, byte[]> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, BROKER_TIMEOUT);
            // A topic that does not exist has no records: nothing was ever published to it.
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
        }
        return partitions;
    }

    private static Properties settings(String bootstrapServers) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "gatehouse-audit");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Asking for a topic that is not there must not create it: an audit writes nothing to the broker.
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
        return settings;
    }
}
