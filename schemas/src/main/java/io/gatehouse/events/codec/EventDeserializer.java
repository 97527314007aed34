package io.gatehouse.events.codec;

import io.gatehouse.errors.ErrorReport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for every Gatehouse event, any released schema version, see {@link EventCodec}.
 * Failures surface as Kafka's {@link SerializationException} carrying the error shape, which the Kafka connector
 * puts on the consumer's dead-letter topic as the reason.
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
            throw new SerializationException(ErrorReport.unusableRecord(topic, "the record is " + e.getMessage()).oneLine(), e);
        }
    }
}
