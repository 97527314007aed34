package io.gatehouse.intake.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.io.IOException;

/** Reading external JSON: lenient about fields Gatehouse does not know, strict about everything else. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private Json() {
    }

    /**
     * Reads {@code body} as a {@code type}, or rejects it as a payload of {@code format} saying where it broke.
     *
     * @param what how the error calls the expected document, e.g. "an Alertmanager webhook JSON object"
     */
    static <T> T read(byte[] body, Class<T> type, String format, String what, String resolution) {
        if (body == null || body.length == 0) {
            throw RejectedPayload.invalid(format, "the body is empty", resolution);
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw RejectedPayload.invalid(format, "the body is not " + what + ": " + e.getOriginalMessage() + where, resolution, e);
        } catch (IOException e) {
            throw RejectedPayload.invalid(format, "the body cannot be read: " + e.getMessage(), "send the body again");
        }
    }

    /** The body as a JSON tree, or null when it is not JSON. */
    static JsonNode treeOrNull(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
