package io.gatehouse.messaging;

import io.gatehouse.errors.UnusableRecord;
import io.gatehouse.events.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** What every consumer checks first of a record: a record that fails these checks can never be applied. */
public final class IncomingRecords {

    /** The header the Kafka connector puts the deserializer's failure in (DeserializationFailureHandler's constant). */
    private static final String DESERIALIZATION_FAILURE_REASON = "deserialization-failure-reason";

    private IncomingRecords() {
    }

    /**
     * The record's CloudEvents attributes.
     *
     * @throws UnusableRecord when the record has no value or its ce_* headers are missing or unreadable
     */
    public static CloudEvent attributesOf(ConsumerRecord<?, ?> record) {
        if (record.value() == null) {
            throw new UnusableRecord(record.topic(), "the record has no value");
        }
        try {
            return CloudEvent.readFrom(record.headers());
        } catch (IllegalArgumentException e) {
            throw new UnusableRecord(record.topic(), e.getMessage());
        }
    }

    /**
     * Why the record's body did not decode, as the deserializer reported it, when it did not. A consumer of single records
     * never sees such a record (the connector dead-letters it with this reason); a batch carries it with no value.
     */
    public static Optional<String> deserializationFailure(ConsumerRecord<?, ?> record) {
        Header reason = record.value() == null ? record.headers().lastHeader(DESERIALIZATION_FAILURE_REASON) : null;
        return Optional.ofNullable(reason).map(header -> new String(header.value(), StandardCharsets.UTF_8));
    }
}
