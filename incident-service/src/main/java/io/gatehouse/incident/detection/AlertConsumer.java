package io.gatehouse.incident.detection;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.incident.messaging.ConsumedEvents;
import io.gatehouse.errors.UnusableRecord;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes gatehouse.alerts. A record that is not a readable AlertReceived CloudEvent goes to
 * gatehouse.alerts.dlq with the reason at once, and consumption carries on with the next record. Any other
 * failure (the database away, say) is retried, so a passing outage does not dead-letter good events.
 */
@ApplicationScoped
public class AlertConsumer {

    private final ConsumedEvents consumedEvents;
    private final IncidentDetector detector;

    AlertConsumer(ConsumedEvents consumedEvents, IncidentDetector detector) {
        this.consumedEvents = consumedEvents;
        this.detector = detector;
    }

    @Incoming("alerts-in")
    @Blocking // writes to PostgreSQL
    @Retry(maxRetries = 20, delay = 500, jitter = 250, maxDuration = 60_000, abortOn = UnusableRecord.class)
    @Transactional // the incident change, its outbox events and the consumed event id commit together, or none does
    public void onAlert(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            throw new UnusableRecord(record.topic(), "the record has no value");
        }
        if (!(record.value() instanceof AlertReceived alert)) {
            throw new UnusableRecord(record.topic(), "expected AlertReceived but got " + record.value().getSchema().getFullName());
        }
        CloudEvent event;
        try {
            event = CloudEvent.readFrom(record.headers());
        } catch (IllegalArgumentException e) {
            throw new UnusableRecord(record.topic(), e.getMessage());
        }
        if (consumedEvents.firstDelivery(event.id(), record.topic())) {
            detector.apply(event.id(), alert);
        }
    }
}
