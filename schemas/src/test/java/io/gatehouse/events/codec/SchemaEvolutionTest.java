package io.gatehouse.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.codec.EventCatalog.SchemaVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Schema evolution is enforced here, not hoped for: every released version stays readable. */
class SchemaEvolutionTest {

    static Stream<Class<? extends SpecificRecordBase>> eventTypes() {
        return EventCatalog.EVENT_TYPES.stream();
    }

    static Stream<Arguments> releasedVersions() {
        return eventTypes().flatMap(type -> EventCatalog.instance().history(type).stream().map(v -> Arguments.of(type.getSimpleName() + " v" + v.version(), v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void theNewestReleasedVersionIsTheSchemaTheCodeIsGeneratedFrom(Class<? extends SpecificRecordBase> type) {
        List<SchemaVersion> history = EventCatalog.instance().history(type);
        assertThat(history).as("released versions of %s (add src/main/resources/io/gatehouse/events/history/%s/vN.avsc)", type.getSimpleName(), type.getSimpleName()).isNotEmpty();

        Schema generated = SpecificData.getForClass(type).getSchema(type);
        assertThat(withoutJavaStringHints(history.get(history.size() - 1).schema()))
                .as("%s changed without a new released version in history/", type.getSimpleName())
                .isEqualTo(withoutJavaStringHints(generated));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyVersionCanReadTheVersionBeforeIt(Class<? extends SpecificRecordBase> type) {
        List<SchemaVersion> history = EventCatalog.instance().history(type);
        for (int i = 1; i < history.size(); i++) {
            assertThat(compatibility(history.get(i).schema(), history.get(i - 1).schema()))
                    .as("%s v%d reading v%d", type.getSimpleName(), i + 1, i)
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedVersions")
    void bytesWrittenWithAReleasedVersionDecodeIntoTheCurrentClass(String name, SchemaVersion version) throws Exception {
        GenericRecord written = SampleRecords.filled(version.schema());
        ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), version.schema()).encode(written);

        SpecificRecord read = EventCodec.decode(toArray(bytes));

        assertThat(read).isInstanceOf(version.type());
        // What Avro's own schema resolution makes of the old record: nested records gain the new fields' defaults.
        GenericRecord expected = resolved(written, version.schema(), read.getSchema());
        for (Schema.Field field : version.schema().getFields()) {
            Object value = read.get(read.getSchema().getField(field.name()).pos());
            assertThat(String.valueOf(value instanceof Instant instant ? instant.toEpochMilli() : value))
                    .as(field.name())
                    .isEqualTo(String.valueOf(expected.get(field.name())));
        }
    }

    @Test
    void aNewRequiredFieldWithoutDefaultIsCaughtAsIncompatible() {
        Schema current = EventCatalog.instance().history(EventCatalog.EVENT_TYPES.get(0)).get(0).schema();
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("mandatoryNewField", Schema.create(Schema.Type.STRING), "no default", (Object) null));
        Schema breaking = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);

        assertThat(compatibility(breaking, current)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    /** The code generator marks string types for java.lang.String; that is not part of the contract. */
    private static Schema withoutJavaStringHints(Schema schema) {
        String json = schema.toString()
                .replace("{\"type\":\"string\",\"avro.java.string\":\"String\"}", "\"string\"")
                .replace(",\"avro.java.string\":\"String\"", "");
        return new Schema.Parser().parse(json);
    }

    private static GenericRecord resolved(GenericRecord written, Schema writer, Schema reader) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer).write(written, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(writer, withoutJavaStringHints(reader))
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** Fills every field of a schema with a plain value of its type, so an old version can be written. */
    static final class SampleRecords {
        static GenericRecord filled(Schema schema) {
            GenericData.Record record = new GenericData.Record(schema);
            schema.getFields().forEach(f -> record.put(f.name(), valueOf(f.schema(), f.name())));
            return record;
        }

        private static Object valueOf(Schema schema, String name) {
            return switch (schema.getType()) {
                case STRING -> name + "-value";
                case LONG -> 1_700_000_000_000L;
                case INT -> 2;
                case DOUBLE -> 0.5;
                case BOOLEAN -> true;
                case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(0));
                case MAP -> Map.of("key", valueOf(schema.getValueType(), name));
                case ARRAY -> List.of(valueOf(schema.getElementType(), name));
                case RECORD -> filled(schema);
                case UNION -> valueOf(schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow(), name);
                default -> throw new IllegalArgumentException("no sample value for " + schema.getType() + " in field " + name);
            };
        }
    }
}
