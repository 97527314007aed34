package io.gatehouse.audit;

import io.gatehouse.audit.bench.LogWriter;
import io.gatehouse.audit.log.Address;
import io.gatehouse.audit.log.LogSnapshot;
import io.gatehouse.events.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** A log in memory, one partition per topic: what a test writes with the bench's writers, read back as a snapshot. */
public final class MemoryLog implements LogWriter {

    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private final Map<String, Long> nextOffset = new HashMap<>();

    @Override
    public CompletableFuture<Address> write(String topic, CloudEvent attributes, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        attributes.writeTo(headers);
        return CompletableFuture.completedFuture(writeRaw(topic, attributes.subject(), headers, value));
    }

    /** Writes a record as any producer could, well-formed or not. */
    public Address writeRaw(String topic, String key, RecordHeaders headers, byte[] value) {
        long offset = nextOffset.merge(topic, 1L, Long::sum) - 1;
        records.add(new ConsumerRecord<>(topic, 0, offset, 0L, TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty()));
        return new Address(topic, 0, offset);
    }

    @Override
    public void flush() {
    }

    /** The log as a read from its beginning would give it. */
    public LogSnapshot snapshot() {
        Map<TopicPartition, LogSnapshot.Bounds> bounds = new HashMap<>();
        nextOffset.forEach((topic, end) -> bounds.put(new TopicPartition(topic, 0), new LogSnapshot.Bounds(0, end)));
        return new LogSnapshot(bounds, records);
    }
}
