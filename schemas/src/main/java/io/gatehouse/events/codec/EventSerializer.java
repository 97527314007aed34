package io.gatehouse.events.codec;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for every Gatehouse event: Avro single-object encoding, see {@link EventCodec}. */
public class EventSerializer implements Serializer<SpecificRecord> {

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        return event == null ? null : EventCodec.encode(event);
    }
}
