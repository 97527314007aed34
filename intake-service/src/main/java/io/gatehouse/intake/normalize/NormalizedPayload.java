package io.gatehouse.intake.normalize;

import io.gatehouse.events.AlertGroups;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A raw payload of alerts.inbound and the AlertReceived events normalized from it, each with its id and key.
 *
 * @param record the payload as the channel delivered it, to acknowledge or dead-letter
 * @param consumerRecord the same as the Kafka client read it, which {@link io.gatehouse.messaging.ConsumerFailurePolicy} names in its logs
 */
record NormalizedPayload(KafkaRecord<String, byte[]> record, ConsumerRecord<String, byte[]> consumerRecord, List<Event> events) {

    static final String SOURCE = "/gatehouse/intake-service";

    /** One event as it goes onto gatehouse.alerts. */
    record Event(AlertReceived alert, String group, String eventId) {
    }

    /**
     * Reads, checks and normalizes {@code record}.
     *
     * @throws io.gatehouse.intake.rejection.RejectedPayload when the payload cannot be normalized, saying why
     */
    @SuppressWarnings("unchecked")
    static NormalizedPayload of(KafkaRecord<String, byte[]> record) {
        ConsumerRecord<String, byte[]> raw = record.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
        InboundRecord origin = new InboundRecord(raw.topic(), raw.partition(), raw.offset(), Instant.ofEpochMilli(raw.timestamp()));
        List<AlertReceived> received = PayloadFormat.of(raw.headers(), raw.value()).parse(raw.headers(), raw.value()).normalize(origin);
        List<Event> events = new ArrayList<>(received.size());
        for (int i = 0; i < received.size(); i++) {
            AlertReceived alert = received.get(i);
            // Derived from the raw record's position: a redelivered record yields the same ids, and consumers drop the repeat.
            events.add(new Event(alert, AlertGroups.keyOf(alert), CloudEvent.deriveId(origin.coordinates(), String.valueOf(i))));
        }
        return new NormalizedPayload(record, raw, events);
    }

    /** New messages on every call: the Kafka client makes a record's headers read-only once it has sent them. */
    Stream<Message<SpecificRecord>> messages() {
        return events.stream().map(event -> {
            RecordHeaders headers = new RecordHeaders();
            CloudEvent.of(event.alert(), event.eventId(), SOURCE, event.group(), event.alert().getReceivedAt()).writeTo(headers);
            return Message.<SpecificRecord>of(event.alert())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.group()).withHeaders(headers).build());
        });
    }
}
