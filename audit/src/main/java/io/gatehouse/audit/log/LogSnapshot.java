package io.gatehouse.audit.log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** The records of the audited topics as they were read, each partition from its first offset to its end at the start. */
public final class LogSnapshot {

    /** A partition's offsets when the read started: records from {@code first} up to, not including, {@code end}. */
    public record Bounds(long first, long end) {
    }

    private final Map<String, List<ConsumerRecord<String, byte[]>>> byTopic = new HashMap<>();
    private final Map<Address, ConsumerRecord<String, byte[]>> byAddress = new HashMap<>();
    private final Map<TopicPartition, Bounds> bounds;

    public LogSnapshot(Map<TopicPartition, Bounds> bounds, List<ConsumerRecord<String, byte[]>> records) {
        this.bounds = Map.copyOf(bounds);
        for (ConsumerRecord<String, byte[]> record : records) {
            byTopic.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record);
            byAddress.put(new Address(record.topic(), record.partition(), record.offset()), record);
        }
        byTopic.values().forEach(list -> list.sort(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset)));
    }

    /** The topic's records, partition by partition, each in offset order; empty when the topic has none or was not read. */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        return byTopic.getOrDefault(topic, List.of());
    }

    public Optional<ConsumerRecord<String, byte[]>> record(Address address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /** Why there is no record at {@code address}, in words an auditor can act on. */
    public String whyAbsent(Address address) {
        Bounds partition = bounds.get(new TopicPartition(address.topic(), address.partition()));
        if (partition == null) {
            return "the log has no partition " + address.partition() + " of " + address.topic();
        }
        if (address.offset() < partition.first()) {
            return "the partition now starts at offset " + partition.first() + ": the record was deleted (retention or truncation)";
        }
        if (address.offset() >= partition.end()) {
            return "the partition ended at offset " + partition.end() + " when the audit started";
        }
        return "the partition holds no record at that offset";
    }

    public long recordCount() {
        return byAddress.size();
    }
}
