package io.gatehouse.incident.detection;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.messaging.outbox.IncomingEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes gatehouse.alerts. A record that is not a readable AlertReceived CloudEvent goes to gatehouse.alerts.dlq with
 * the reason at once, and consumption carries on with the next record. A good event is applied exactly once under the
 * shared failure policy ({@link IncomingEvents}): it waits out an outage of PostgreSQL however long it lasts, and a lost
 * race is retried as a whole.
 */
@ApplicationScoped
public class AlertConsumer {

    static final String CHANNEL = "alerts-in";

    private final IncomingEvents incoming;
    private final IncidentDetector detector;

    AlertConsumer(IncomingEvents incoming, IncidentDetector detector) {
        this.incoming = incoming;
        this.detector = detector;
    }

    @Incoming(CHANNEL)
    @Blocking // writes to PostgreSQL, and may wait for it
    public void onAlert(ConsumerRecord<String, SpecificRecord> record) {
        incoming.applyOnce(CHANNEL, record, AlertReceived.class, (event, alert) -> detector.apply(event.id(), alert));
    }
}
