package io.gatehouse.incident.detection;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.messaging.outbox.IncomingEvents;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes gatehouse.alerts in batches (an alert storm is thousands of records at once). A record that is not a readable
 * AlertReceived CloudEvent goes to gatehouse.alerts.dlq with the reason at once, alone. The good events of a batch are
 * applied exactly once, together in one transaction, under the shared failure policy ({@link IncomingEvents#applyBatch}):
 * they wait out an outage of PostgreSQL however long it lasts; when the batch fails otherwise (a lost race, an event that
 * cannot be applied), its events are applied one at a time, so that only the one that cannot be applied is dead-lettered.
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
    public CompletionStage<Void> onAlerts(KafkaRecordBatch<String, SpecificRecord> batch) {
        return incoming.applyBatch(CHANNEL, batch, AlertReceived.class, detector::apply);
    }
}
