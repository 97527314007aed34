package io.gatehouse.events.codec;

import io.gatehouse.events.codec.EventCatalog.SchemaVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Avro single-object encoding of Gatehouse events: a two-byte marker, the writer schema's fingerprint, then
 * the Avro binary body. Decoding resolves the writer's schema through {@link EventCatalog} and reads it into
 * the current generated class, so a consumer reads every released version of an event.
 */
public final class EventCodec {

    private static final byte[] MARKER = {(byte) 0xC3, (byte) 0x01};
    private static final int HEADER_LENGTH = MARKER.length + Long.BYTES;

    private static final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> ENCODERS = new ConcurrentHashMap<>();
    private static final Map<Class<? extends SpecificRecordBase>, BinaryMessageDecoder<SpecificRecord>> DECODERS = new ConcurrentHashMap<>();

    private EventCodec() {
    }

    public static byte[] encode(SpecificRecord event) {
        try {
            ByteBuffer buffer = ENCODERS.computeIfAbsent(event.getClass(), EventCodec::encoderFor).encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new EventCodecException("cannot encode " + event.getSchema().getFullName(), e);
        }
    }

    /**
     * Decodes any released version of any Gatehouse event into its current generated class.
     *
     * @throws EventCodecException when the bytes are not single-object encoded, or were written with a
     *     schema this build does not know, or do not match that schema
     */
    public static SpecificRecord decode(byte[] bytes) {
        SchemaVersion writer = EventCatalog.instance().writerSchema(fingerprintOf(bytes))
                .orElseThrow(() -> new EventCodecException("written with an unknown schema (fingerprint "
                        + Long.toHexString(fingerprintOf(bytes)) + "); is this build older than the producer?"));
        try {
            return DECODERS.computeIfAbsent(writer.type(), EventCodec::decoderFor).decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new EventCodecException("not a valid " + writer.type().getSimpleName() + " v" + writer.version(), e);
        }
    }

    /** Decodes bytes that must hold an event of {@code type}. */
    public static <T extends SpecificRecord> T decode(byte[] bytes, Class<T> type) {
        SpecificRecord event = decode(bytes);
        if (!type.isInstance(event)) {
            throw new EventCodecException("expected " + type.getSimpleName() + " but got " + event.getSchema().getName());
        }
        return type.cast(event);
    }

    private static long fingerprintOf(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MARKER[0] || bytes[1] != MARKER[1]) {
            throw new EventCodecException("not an Avro single-object encoded event (missing C3 01 marker)");
        }
        return ByteBuffer.wrap(bytes, MARKER.length, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static SpecificData modelFor(Class<?> type) {
        // The generated class's own loader: under Quarkus tests the default loader is a different one, and
        // records it creates would not be instances of the classes the application sees. A new model knows
        // no logical types, so it takes the generated class's conversions (timestamp-millis to Instant).
        SpecificData model = new SpecificData(type.getClassLoader());
        SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
        return model;
    }

    private static BinaryMessageEncoder<SpecificRecord> encoderFor(Class<?> type) {
        return new BinaryMessageEncoder<>(modelFor(type), SpecificData.getForClass(type).getSchema(type));
    }

    private static BinaryMessageDecoder<SpecificRecord> decoderFor(Class<? extends SpecificRecordBase> type) {
        BinaryMessageDecoder<SpecificRecord> decoder =
                new BinaryMessageDecoder<>(modelFor(type), SpecificData.getForClass(type).getSchema(type));
        EventCatalog.instance().history(type).forEach(version -> decoder.addSchema(version.schema()));
        return decoder;
    }
}
