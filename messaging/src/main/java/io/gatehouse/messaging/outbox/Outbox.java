package io.gatehouse.messaging.outbox;

import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
        OutboxEvent row = new OutboxEvent();
        row.eventId = attributes.id();
        row.topic = topic;
        row.key = subject;
        row.type = attributes.type();
        row.source = attributes.source();
        row.subject = attributes.subject();
        row.time = attributes.time();
        row.payload = EventCodec.encode(event);
        row.persist();
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
