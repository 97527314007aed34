package io.gatehouse.audit.bench;

import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import org.apache.avro.specific.SpecificRecord;

/** A domain event to publish: its topic, its CloudEvents attributes and its body. */
public record DomainEvent(String topic, CloudEvent attributes, SpecificRecord body) {

    public byte[] value() {
        return EventCodec.encode(body);
    }
}
