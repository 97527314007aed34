package io.gatehouse.incident.detection;

import io.gatehouse.errors.UnusableRecord;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.incident.messaging.ConsumedEvents;
import io.gatehouse.messaging.ConsumerFailurePolicy;
import io.gatehouse.messaging.IncomingRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes gatehouse.alerts. A record that is not a readable AlertReceived CloudEvent goes to gatehouse.alerts.dlq with
 * the reason at once, and consumption carries on with the next record. A good event is applied under the shared
 * failure policy: it waits out an outage of PostgreSQL however long it lasts, and a lost race is retried as a whole.
 */
@ApplicationScoped
public class AlertConsumer {

    static final String CHANNEL = "alerts-in";

    private final ConsumedEvents consumedEvents;
    private final IncidentDetector detector;
    private final ConsumerFailurePolicy failurePolicy;

    AlertConsumer(ConsumedEvents consumedEvents, IncidentDetector detector, ConsumerFailurePolicy failurePolicy) {
        this.consumedEvents = consumedEvents;
        this.detector = detector;
        this.failurePolicy = failurePolicy;
    }

    @Incoming(CHANNEL)
    @Blocking // writes to PostgreSQL, and may wait for it
    public void onAlert(ConsumerRecord<String, SpecificRecord> record) {
        CloudEvent event = IncomingRecords.attributesOf(record);
        if (!(record.value() instanceof AlertReceived alert)) {
            throw new UnusableRecord(record.topic(), "expected AlertReceived but got " + record.value().getSchema().getFullName());
        }
        // The incident change, its outbox events and the consumed event id commit together, or none does; each attempt
        // is a new transaction, so a retry reads the incident as it is now.
        failurePolicy.apply(CHANNEL, record, () -> QuarkusTransaction.requiringNew().run(() -> {
            if (consumedEvents.firstDelivery(event.id(), record.topic())) {
                detector.apply(event.id(), alert);
            }
        }));
    }
}
