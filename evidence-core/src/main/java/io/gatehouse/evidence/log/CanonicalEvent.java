package io.gatehouse.evidence.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.gatehouse.events.cloudevents.CloudEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The bytes of an event that the ledger hashes: the event as a CloudEvent in the JSON event format, attributes
 * always in the same order and no white space, the Avro body as {@code data_base64}. Anyone holding the event
 * can rebuild these bytes with any JSON library, and its hash with any SHA-256 tool.
 */
public final class CanonicalEvent {

    private static final JsonFactory JSON = new JsonFactory();

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
}
