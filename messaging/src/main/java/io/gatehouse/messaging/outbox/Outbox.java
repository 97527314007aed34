package io.gatehouse.messaging.outbox;

import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;

/**
 * Where a service puts the events it publishes. Appending joins the caller's transaction, so an event exists exactly
 * when the state change it reports was committed; {@link OutboxRelay} sends it afterwards, woken as soon as that
 * transaction commits. Every event carries the service's CloudEvents source, {@code gatehouse.outbox.source} (e.g.
 * {@code /gatehouse/incident-service}).
 */
@ApplicationScoped
@IfBuildProperty(name = "gatehouse.outbox.enabled", stringValue = "true")
public class Outbox {

    // Injected into a field, not the constructor, so that a subclass (a test's) needs no constructor of its own.
    @ConfigProperty(name = "gatehouse.outbox.source")
    String source;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    /**
     * Queues {@code event} about {@code subject} for {@code topic}.
     *
     * @param causeEventId the id of the event that caused this one; with the event type it fixes this event's
     *     id, so reprocessing the cause cannot publish a second, different event
     * @param time when the fact happened, taken from the cause, never the wall clock
     * @return the event's CloudEvents id, for evidence that cites it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String append(String topic, String subject, SpecificRecord event, String causeEventId, Instant time) {
        CloudEvent attributes = CloudEvent.of(event, CloudEvent.deriveId(causeEventId, event.getSchema().getFullName(), subject),
                source, subject, time);
        // A plain insert, not a persisted entity: its key is the table's identity, and Hibernate would execute every insert
        // the transaction has queued before it, one by one, instead of in JDBC batches at commit. Declaring the one table
        // it writes keeps Hibernate from flushing anything else for it.
        entityManager.createNativeQuery("insert into outbox_event (event_id, topic, event_key, event_type, source, subject, event_time, payload)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("outbox_event")
                .setParameter(1, attributes.id())
                .setParameter(2, topic)
                .setParameter(3, subject)
                .setParameter(4, attributes.type())
                .setParameter(5, attributes.source())
                .setParameter(6, attributes.subject())
                .setParameter(7, attributes.time())
                .setParameter(8, EventCodec.encode(event))
                .executeUpdate();
        relay.publishAfterCommit();
        return attributes.id();
    }

    /**
     * Queues an event recording a person's action. Such an action has no earlier event as its cause: the request
     * is the cause, and it happens now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String appendAction(String topic, String subject, SpecificRecord event, Instant at) {
        return append(topic, subject, event, UUID.randomUUID().toString(), at);
    }

    /** The time of a person's action: now, to the millisecond of event times. */
    public static Instant actionTime() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
