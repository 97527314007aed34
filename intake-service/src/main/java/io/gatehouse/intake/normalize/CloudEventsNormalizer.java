package io.gatehouse.intake.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An alert wrapped in a CloudEvent (specversion 1.0), in binary mode (the record's {@code ce_*} headers carry the
 * attributes and its value is the data) or structured mode (the value is the JSON event with {@code data} or
 * {@code data_base64}). The data is an alert payload of one of the other formats, recognised by its body.
 */
public final class CloudEventsNormalizer {

    public static final String FORMAT = "cloudevents";
    private static final List<String> REQUIRED = List.of("id", "source", "type");
    private static final String RESOLUTION = "send a CloudEvents 1.0 event whose data is an Alertmanager, Grafana or PagerDuty alert payload";

    private CloudEventsNormalizer() {
    }

    /** @throws RejectedPayload saying what is wrong, when the event or the alert payload in it is not usable */
    public static ParsedPayload parse(Headers headers, byte[] body) {
        byte[] data = headers.lastHeader("ce_specversion") != null ? binaryModeData(headers, body) : structuredModeData(body);
        JsonNode tree = Json.treeOrNull(data);
        PayloadFormat inner = tree == null ? null : PayloadFormat.recognise(tree).filter(f -> f != PayloadFormat.CLOUDEVENTS).orElse(null);
        if (inner == null) {
            throw RejectedPayload.invalid(FORMAT, "the event's data is not an alert payload Gatehouse knows", RESOLUTION);
        }
        return inner.parse(new RecordHeaders(), data);
    }

    private static byte[] binaryModeData(Headers headers, byte[] body) {
        checkVersion(text(headers.lastHeader("ce_specversion")));
        for (String attribute : REQUIRED) {
            String value = text(headers.lastHeader("ce_" + attribute));
            if (value == null || value.isBlank()) {
                throw RejectedPayload.invalid(FORMAT, "binary-mode event without ce-" + attribute, RESOLUTION);
            }
        }
        if (body == null || body.length == 0) {
            throw RejectedPayload.invalid(FORMAT, "binary-mode event without data", RESOLUTION);
        }
        return body;
    }

    private static byte[] structuredModeData(byte[] body) {
        JsonNode event = Json.read(body, JsonNode.class, FORMAT, "a CloudEvents JSON object", RESOLUTION);
        if (!event.isObject()) {
            throw RejectedPayload.invalid(FORMAT, "the body is not a CloudEvents JSON object", RESOLUTION);
        }
        checkVersion(event.path("specversion").isTextual() ? event.get("specversion").asText() : null);
        for (String attribute : REQUIRED) {
            if (!event.path(attribute).isTextual() || event.get(attribute).asText().isBlank()) {
                throw RejectedPayload.invalid(FORMAT, "the event has no " + attribute, RESOLUTION);
            }
        }
        if (event.path("data_base64").isTextual()) {
            try {
                return Base64.getDecoder().decode(event.get("data_base64").asText());
            } catch (IllegalArgumentException e) {
                throw RejectedPayload.invalid(FORMAT, "data_base64 is not base64", RESOLUTION, e);
            }
        }
        JsonNode data = event.get("data");
        if (data == null || data.isNull()) {
            throw RejectedPayload.invalid(FORMAT, "the event has no data", RESOLUTION);
        }
        if (data.isTextual()) {
            return data.asText().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Json.MAPPER.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw RejectedPayload.invalid(FORMAT, "the event's data cannot be read: " + e.getOriginalMessage(), RESOLUTION, e);
        }
    }

    private static void checkVersion(String specVersion) {
        if (!"1.0".equals(specVersion)) {
            throw RejectedPayload.invalid(FORMAT, "specversion is " + PrometheusAlerts.quotedOrMissing(specVersion), "send CloudEvents 1.0");
        }
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
