package io.gatehouse.messaging;

import io.gatehouse.errors.UnusableRecord;
import io.gatehouse.events.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What every consumer checks first of a record: a record that fails these checks can never be applied. */
public final class IncomingRecords {

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
}
