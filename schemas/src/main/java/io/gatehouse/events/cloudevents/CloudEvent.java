package io.gatehouse.events.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents attributes of a Gatehouse event, carried in Kafka binary mode: one {@code ce_*} header per
 * attribute, the Avro-encoded event as the record value, and the subject id as the record key.
 *
 * @param id unique per event; consumers use it to ignore redeliveries
 * @param source the producing service, e.g. {@code /gatehouse/incident-service}
 * @param type the Avro full name of the event, e.g. {@code io.gatehouse.events.IncidentOpened}
 * @param subject the release or incident the event is about (also the Kafka key)
 * @param time when the fact happened, taken from the event log, never the wall clock of a replay
 */
public record CloudEvent(String id, String source, String type, String subject, Instant time) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/avro";

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPECVERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Binary mode puts the data content type in the plain Kafka {@code content-type} header. */
    public static final String DATA_CONTENT_TYPE = "content-type";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
    }

    /** Attributes for {@code event}, its type taken from its schema. */
    public static CloudEvent of(SpecificRecord event, String id, String source, String subject, Instant time) {
        return new CloudEvent(id, source, event.getSchema().getFullName(), subject, time);
    }

    /**
     * A stable event id derived from what caused the event, so that reprocessing the same cause (a redelivered
     * record, a replayed log) produces the same id and consumers recognise the duplicate.
     */
    public static String deriveId(String... causeParts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", causeParts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public void writeTo(Headers headers) {
        put(headers, ID, id);
        put(headers, SOURCE, source);
        put(headers, TYPE, type);
        put(headers, SPECVERSION, SPEC_VERSION);
        put(headers, TIME, time.toString());
        put(headers, SUBJECT, subject);
        put(headers, DATA_CONTENT_TYPE, CONTENT_TYPE);
    }

    /**
     * Reads the attributes back from a record's headers.
     *
     * @throws IllegalArgumentException naming the first attribute that is missing or malformed
     */
    public static CloudEvent readFrom(Headers headers) {
        String specVersion = required(headers, SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new IllegalArgumentException("unsupported " + SPECVERSION + " " + specVersion);
        }
        Instant time;
        try {
            time = Instant.parse(required(headers, TIME));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(TIME + " is not an RFC 3339 time: " + e.getParsedString(), e);
        }
        return new CloudEvent(required(headers, ID), required(headers, SOURCE), required(headers, TYPE),
                required(headers, SUBJECT), time);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            throw new IllegalArgumentException("missing CloudEvents header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
