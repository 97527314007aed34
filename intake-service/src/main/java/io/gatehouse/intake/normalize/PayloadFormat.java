package io.gatehouse.intake.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.errors.ErrorReport;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The external formats a raw payload on alerts.inbound can be in. Producers say which in the
 * {@value #HEADER} header (intake-service's own webhooks always do); without it the body tells.
 */
public enum PayloadFormat {

    ALERTMANAGER(AlertmanagerNormalizer.FORMAT) {
        @Override
        public List<AlertReceived> normalize(byte[] body, InboundRecord origin) {
            return AlertmanagerNormalizer.normalize(AlertmanagerNormalizer.parse(body), origin);
        }

        @Override
        boolean looksLike(JsonNode body) {
            return body.path("alerts").isArray() && body.has("version") && body.has("groupKey");
        }
    };

    public static final String HEADER = "gatehouse-format";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String headerValue;

    PayloadFormat(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }

    /** The alerts in a raw payload of this format; {@link RejectedPayload} when it is not a valid one. */
    public abstract List<AlertReceived> normalize(byte[] body, InboundRecord origin);

    abstract boolean looksLike(JsonNode body);

    /** The format a raw record declares in its headers, or else the one its body looks like. */
    public static PayloadFormat of(Headers headers, byte[] body) {
        Header declared = headers.lastHeader(HEADER);
        if (declared != null) {
            String value = new String(declared.value(), StandardCharsets.UTF_8);
            return Arrays.stream(values()).filter(f -> f.headerValue.equals(value)).findFirst()
                    .orElseThrow(() -> unknown("header " + HEADER + " names the unknown format \"" + value + "\""));
        }
        JsonNode tree = parseOrNull(body);
        if (tree == null) {
            throw unknown("the record has no " + HEADER + " header and its body is not JSON");
        }
        return Arrays.stream(values()).filter(f -> f.looksLike(tree)).findFirst()
                .orElseThrow(() -> unknown("the record has no " + HEADER + " header and its body matches no known alert format"));
    }

    private static JsonNode parseOrNull(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static RejectedPayload unknown(String context) {
        String known = String.join(", ", Arrays.stream(values()).map(PayloadFormat::headerValue).toList());
        return new RejectedPayload(new ErrorReport(ErrorReport.Severity.WARNING, "alert format detection", context,
                "set header " + HEADER + " to one of: " + known, "the record was not normalized; other records are unaffected"));
    }
}
