package io.gatehouse.evidence.log;

import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.events.codec.EventCodecException;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The rule that makes a domain record evidence: its CloudEvents headers are present and readable, its body decodes as
 * the event its {@code ce_type} names, and its key is its subject. evidence-service records only what passes (the rest
 * goes to its dead-letter topic with {@link #problem()}), and a replay of the log applies the same rule, so both read
 * the same events out of the same records.
 */
public final class RecordableEvent {

    private final CloudEvent event;
    private final SpecificRecord body;
    private final String problem;

    private RecordableEvent(CloudEvent event, SpecificRecord body, String problem) {
        this.event = event;
        this.body = body;
        this.problem = problem;
    }

    public static RecordableEvent of(ConsumerRecord<String, byte[]> record) {
        return of(record.key(), record.headers(), record.value());
    }

    public static RecordableEvent of(String key, Headers headers, byte[] value) {
        if (value == null) {
            return rejected("the record has no value");
        }
        CloudEvent event;
        try {
            event = CloudEvent.readFrom(headers);
        } catch (IllegalArgumentException e) {
            return rejected(e.getMessage());
        }
        SpecificRecord body;
        try {
            body = EventCodec.decode(value);
        } catch (EventCodecException e) {
            return rejected(e.getMessage());
        }
        if (!event.type().equals(body.getSchema().getFullName())) {
            return rejected("ce_type says " + event.type() + " but the body is " + body.getSchema().getFullName());
        }
        if (!Objects.equals(key, event.subject())) {
            return rejected("the record key " + key + " is not its subject " + event.subject());
        }
        return new RecordableEvent(event, body, null);
    }

    private static RecordableEvent rejected(String problem) {
        return new RecordableEvent(null, null, problem);
    }

    public boolean recordable() {
        return event != null;
    }

    /**
     * The event's attributes.
     *
     * @throws IllegalStateException when the record is not recordable
     */
    public CloudEvent event() {
        if (event == null) {
            throw new IllegalStateException("not a recordable event: " + problem);
        }
        return event;
    }

    /**
     * The event's body, decoded once by the rule.
     *
     * @throws IllegalStateException when the record is not recordable
     */
    public SpecificRecord body() {
        event();
        return body;
    }

    /** Why the record is not evidence; null when it is. */
    public String problem() {
        return problem;
    }
}
