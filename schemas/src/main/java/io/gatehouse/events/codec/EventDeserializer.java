package io.gatehouse.events.codec;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for every Gatehouse event, any released schema version, see {@link EventCodec}.
 * Failures surface as Kafka's {@link SerializationException}, which consumers route to their dead-letter topic.
 */
public class EventDeserializer implements Deserializer<SpecificRecord> {

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventCodec.decode(data);
        } catch (EventCodecException e) {
            throw new SerializationException("record on " + topic + " is " + e.getMessage(), e);
        }
    }
}
