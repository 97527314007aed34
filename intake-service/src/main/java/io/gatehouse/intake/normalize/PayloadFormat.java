package io.gatehouse.intake.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.errors.ErrorReport;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The external formats a raw payload on alerts.inbound can be in. Producers say which in the {@value #HEADER}
 * header (intake-service's own webhooks always do); without it a record with CloudEvents headers is a
 * binary-mode CloudEvent, and otherwise the body tells, checked in the order declared here.
 */
public enum PayloadFormat {

    CLOUDEVENTS(CloudEventsNormalizer.FORMAT) {
        @Override
        public ParsedPayload parse(Headers headers, byte[] body) {
            return CloudEventsNormalizer.parse(headers, body);
        }

        @Override
        boolean looksLike(JsonNode body) {
            return body.has("specversion");
        }
    },
    GRAFANA(GrafanaNormalizer.FORMAT) {
        @Override
        public ParsedPayload parse(Headers headers, byte[] body) {
            return GrafanaNormalizer.parse(body);
        }

        @Override
        boolean looksLike(JsonNode body) {
            boolean unified = body.path("alerts").isArray() && (body.has("orgId") || body.has("state") || body.has("title"));
            boolean legacy = body.has("evalMatches") || body.has("ruleId");
            return unified || legacy;
        }
    },
    ALERTMANAGER(AlertmanagerNormalizer.FORMAT) {
        @Override
        public ParsedPayload parse(Headers headers, byte[] body) {
            return AlertmanagerNormalizer.parse(body);
        }

        @Override
        boolean looksLike(JsonNode body) {
            return body.path("alerts").isArray() && body.has("version") && body.has("groupKey");
        }
    },
    PAGERDUTY(PagerDutyNormalizer.FORMAT) {
        @Override
        public ParsedPayload parse(Headers headers, byte[] body) {
            return PagerDutyNormalizer.parse(body);
        }

        @Override
        boolean looksLike(JsonNode body) {
            return body.has("event_action") || (body.has("routing_key") && body.has("payload"));
        }
    };

    public static final String HEADER = "gatehouse-format";

    private final String headerValue;

    PayloadFormat(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }

    /**
     * Reads and checks a raw payload of this format.
     *
     * @throws RejectedPayload when it is not a valid one, saying what is wrong
     */
    public abstract ParsedPayload parse(Headers headers, byte[] body);

    abstract boolean looksLike(JsonNode body);

    /** The format a raw record declares in its headers, or else the one it looks like. */
    public static PayloadFormat of(Headers headers, byte[] body) {
        Header declared = headers.lastHeader(HEADER);
        if (declared != null) {
            String value = new String(declared.value(), StandardCharsets.UTF_8);
            return Arrays.stream(values()).filter(f -> f.headerValue.equals(value)).findFirst()
                    .orElseThrow(() -> unknown("header " + HEADER + " names the unknown format \"" + value + "\""));
        }
        if (headers.lastHeader("ce_specversion") != null) {
            return CLOUDEVENTS;
        }
        JsonNode tree = Json.treeOrNull(body);
        if (tree == null) {
            throw unknown("the record has no " + HEADER + " header and its body is not JSON");
        }
        return recognise(tree).orElseThrow(() -> unknown("the record has no " + HEADER + " header and its body matches no known alert format"));
    }

    /** The first format, in declaration order, that the JSON body looks like. */
    static Optional<PayloadFormat> recognise(JsonNode body) {
        return Arrays.stream(values()).filter(f -> f.looksLike(body)).findFirst();
    }

    private static RejectedPayload unknown(String context) {
        String known = String.join(", ", Arrays.stream(values()).map(PayloadFormat::headerValue).toList());
        return new RejectedPayload(new ErrorReport(ErrorReport.Severity.WARNING, "alert format detection", context,
                "set header " + HEADER + " to one of: " + known, "the record was not normalized; other records are unaffected"));
    }
}
