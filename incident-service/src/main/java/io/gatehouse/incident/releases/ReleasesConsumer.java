package io.gatehouse.incident.releases;

import io.gatehouse.events.RollbackRehearsalAssessed;
import io.gatehouse.messaging.outbox.EventEffects;
import io.gatehouse.messaging.outbox.IncomingEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes gatehouse.releases, where rehearsal-service publishes everything about releases: a RollbackRehearsalAssessed
 * is recorded exactly once as the release's latest rollback rehearsal; the other release events are not for
 * incident-service and are passed over. A record that is not a readable Gatehouse event goes to gatehouse.releases.dlq.
 */
@ApplicationScoped
public class ReleasesConsumer {

    static final String CHANNEL = "releases-in";

    private static final EventEffects EFFECTS = EventEffects
            .once(RollbackRehearsalAssessed.class, (event, assessed) -> RollbackRehearsal.record(event.id(), assessed))
            .otherTypesIgnored();

    private final IncomingEvents incoming;

    ReleasesConsumer(IncomingEvents incoming) {
        this.incoming = incoming;
    }

    @Incoming(CHANNEL)
    @Blocking // writes to PostgreSQL, and may wait for it
    public void onReleaseEvent(ConsumerRecord<String, SpecificRecord> record) {
        incoming.apply(CHANNEL, record, EFFECTS);
    }
}
