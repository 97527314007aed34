package io.gatehouse.messaging.outbox;

import io.gatehouse.events.cloudevents.CloudEvent;
import org.apache.avro.specific.SpecificRecord;

/** One event of a batch, checked and decoded, with the CloudEvents attributes it arrived with. */
public record IncomingEvent<T extends SpecificRecord>(CloudEvent attributes, T value) {

    public String id() {
        return attributes.id();
    }
}
