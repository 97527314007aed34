package io.gatehouse.intake.normalize;

import io.gatehouse.events.AlertGroups;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.messaging.ConsumerFailurePolicy;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads every raw payload on alerts.inbound, whoever wrote it, and publishes one AlertReceived per alert on
 * gatehouse.alerts. A payload that cannot be normalized throws, which sends it to alerts.inbound.dlq with the
 * reason; the next record is read as usual. Publishing waits for the broker however long it is away
 * ({@link ConsumerFailurePolicy}).
 */
@ApplicationScoped
public class InboundAlertNormalizer {

    public static final String CHANNEL = "alerts-inbound-in";
    static final String SOURCE = "/gatehouse/intake-service";

    private final MutinyEmitter<SpecificRecord> alerts;
    private final ConsumerFailurePolicy failurePolicy;

    InboundAlertNormalizer(@Channel("alerts-out") MutinyEmitter<SpecificRecord> alerts, ConsumerFailurePolicy failurePolicy) {
        this.alerts = alerts;
        this.failurePolicy = failurePolicy;
    }

    @Incoming(CHANNEL)
    @Blocking // the raw record is acknowledged only after the broker has every alert normalized from it
    public void normalize(ConsumerRecord<String, byte[]> record) {
        InboundRecord origin = new InboundRecord(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()));
        List<AlertReceived> received = PayloadFormat.of(record.headers(), record.value()).parse(record.headers(), record.value()).normalize(origin);
        // An attempt after a failure publishes every alert again, with the same ids: consumers drop the repeats.
        failurePolicy.apply(CHANNEL, record, () -> publish(origin, received));
    }

    private void publish(InboundRecord origin, List<AlertReceived> received) {
        for (int i = 0; i < received.size(); i++) {
            AlertReceived alert = received.get(i);
            String group = AlertGroups.keyOf(alert);
            // Derived from the raw record's position: a redelivered record yields the same ids, and consumers drop the repeat.
            String eventId = CloudEvent.deriveId(origin.coordinates(), String.valueOf(i));
            RecordHeaders headers = new RecordHeaders();
            CloudEvent.of(alert, eventId, SOURCE, group, alert.getReceivedAt()).writeTo(headers);
            alerts.sendMessageAndAwait(Message.<SpecificRecord>of(alert)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(group).withHeaders(headers).build()));
        }
    }
}
