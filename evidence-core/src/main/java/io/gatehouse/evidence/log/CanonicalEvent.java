package io.gatehouse.evidence.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.events.cloudevents.CloudEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The bytes of an event that the ledger hashes: the event as a CloudEvent in the JSON event format, attributes
 * always in the same order and no white space, the Avro body as {@code data_base64}. Anyone holding the event
 * can rebuild these bytes with any JSON library, and its hash with any SHA-256 tool.
 */
public final class CanonicalEvent {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper READER = new ObjectMapper();

    private CanonicalEvent() {
    }

    public static byte[] of(CloudEvent event, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4 / 3 + 512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("specversion", CloudEvent.SPEC_VERSION);
            json.writeStringField("id", event.id());
            json.writeStringField("source", event.source());
            json.writeStringField("type", event.type());
            json.writeStringField("subject", event.subject());
            json.writeStringField("time", event.time().toString());
            json.writeStringField("datacontenttype", CloudEvent.CONTENT_TYPE);
            json.writeStringField("data_base64", Base64.getEncoder().encodeToString(data));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * The CloudEvents attributes that canonical bytes carry: what a verifier holding only the bytes knows of the event.
     *
     * @throws IllegalArgumentException naming what makes the bytes no canonical event
     */
    public static CloudEvent attributes(byte[] canonical) {
        JsonNode json;
        try {
            json = READER.readTree(canonical);
        } catch (IOException e) {
            throw new IllegalArgumentException("the bytes are not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the bytes are not a JSON object");
        }
        try {
            return new CloudEvent(text(json, "id"), text(json, "source"), text(json, "type"), text(json, "subject"),
                    Instant.parse(text(json, "time")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("its time is not an RFC 3339 time: " + e.getParsedString());
        }
    }

    private static String text(JsonNode json, String attribute) {
        JsonNode value = json.get(attribute);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("it has no " + attribute + " attribute");
        }
        return value.asText();
    }
}
