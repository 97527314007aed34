package io.gatehouse.intake.normalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A PagerDuty Events API v2 event (trigger, acknowledge or resolve), as PagerDuty's own clients and
 * Alertmanager's pagerduty integration send it: one AlertReceived, identified by its dedup_key. Change events
 * (no event_action) record changes, not alerts, and are refused.
 */
public final class PagerDutyNormalizer {

    public static final String FORMAT = "pagerduty";
    private static final String RESOLUTION = "send a PagerDuty Events API v2 event (the body of POST /v2/enqueue)";
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    /** The event fields Gatehouse reads. The routing_key is a credential of the sender and is never kept. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(@JsonProperty("event_action") String eventAction,
                 @JsonProperty("dedup_key") String dedupKey,
                 Payload payload,
                 String client,
                 @JsonProperty("client_url") String clientUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payload(String summary, String source, String severity, String timestamp, String component, String group,
                   @JsonProperty("class") String eventClass,
                   @JsonProperty("custom_details") JsonNode customDetails) {
    }

    private PagerDutyNormalizer() {
    }

    /** @throws RejectedPayload saying what is wrong, when the body is not a usable Events API v2 event */
    public static ParsedPayload parse(byte[] body) {
        Event event = Json.read(body, Event.class, FORMAT, "a PagerDuty Events API v2 JSON object", RESOLUTION);
        check(event);
        return new ParsedPayload(1, event.dedupKey(), origin -> List.of(normalize(event, origin)));
    }

    private static void check(Event event) {
        if (event.eventAction() == null) {
            throw RejectedPayload.invalid(FORMAT, event.payload() != null
                    ? "this is a PagerDuty change event (it has no event_action): change events record changes, not alerts"
                    : "event_action is missing", "send alert events with event_action trigger, acknowledge or resolve");
        }
        switch (event.eventAction()) {
            case "trigger" -> checkTrigger(event.payload());
            case "acknowledge", "resolve" -> {
                if (event.dedupKey() == null || event.dedupKey().isBlank()) {
                    throw RejectedPayload.invalid(FORMAT, event.eventAction() + " without dedup_key",
                            "send the dedup_key of the trigger event this " + event.eventAction() + " refers to");
                }
            }
            default -> throw RejectedPayload.invalid(FORMAT, "event_action is \"" + event.eventAction() + "\"",
                    "event_action must be trigger, acknowledge or resolve");
        }
        if (event.payload() != null && event.payload().timestamp() != null && !Timestamps.isValid(event.payload().timestamp())) {
            throw RejectedPayload.invalid(FORMAT, "payload.timestamp is not an ISO 8601 time: \"" + event.payload().timestamp() + "\"",
                    "send ISO 8601 times with an offset");
        }
    }

    private static void checkTrigger(Payload payload) {
        if (payload == null) {
            throw RejectedPayload.invalid(FORMAT, "trigger without payload", "a trigger needs payload.summary, payload.source and payload.severity");
        }
        for (Map.Entry<String, String> required : Map.of("payload.summary", nullToEmpty(payload.summary()),
                "payload.source", nullToEmpty(payload.source()), "payload.severity", nullToEmpty(payload.severity())).entrySet()) {
            if (required.getValue().isBlank()) {
                throw RejectedPayload.invalid(FORMAT, "trigger without " + required.getKey(),
                        "a trigger needs payload.summary, payload.source and payload.severity");
            }
        }
        if (!SEVERITIES.contains(payload.severity())) {
            throw RejectedPayload.invalid(FORMAT, "payload.severity is \"" + payload.severity() + "\"",
                    "payload.severity must be critical, error, warning or info");
        }
    }

    private static AlertReceived normalize(Event event, InboundRecord origin) {
        Payload payload = event.payload();
        Map<String, String> labels = new TreeMap<>();
        Map<String, String> annotations = new TreeMap<>();
        if (payload != null) {
            putIfPresent(labels, "severity", payload.severity());
            putIfPresent(labels, "source", payload.source());
            putIfPresent(labels, "component", payload.component());
            putIfPresent(labels, "group", payload.group());
            putIfPresent(labels, "class", payload.eventClass());
            putIfPresent(annotations, "summary", payload.summary());
            if (payload.customDetails() != null && payload.customDetails().isObject()) {
                payload.customDetails().fields().forEachRemaining(detail ->
                        labels.put(detail.getKey(), detail.getValue().isTextual() ? detail.getValue().asText() : detail.getValue().toString()));
            }
        }
        putIfPresent(labels, "alertname", alertNameOf(event));
        putIfPresent(annotations, "client", event.client());
        String dedupKey = event.dedupKey() != null && !event.dedupKey().isBlank() ? event.dedupKey() : PrometheusAlerts.digestOf(labels);
        return AlertReceived.newBuilder()
                .setAlertId(dedupKey)
                .setSource(FORMAT)
                .setStatus(switch (event.eventAction()) {
                    case "resolve" -> AlertStatus.RESOLVED;
                    case "acknowledge" -> AlertStatus.ACKNOWLEDGED;
                    default -> AlertStatus.FIRING;
                })
                .setAlertName(alertNameOf(event))
                .setService(payload == null ? null : payload.component() != null ? payload.component() : payload.source())
                .setLabels(labels)
                .setAnnotations(annotations)
                .setStartsAt(payload != null && payload.timestamp() != null ? Timestamps.parse(payload.timestamp()) : origin.receivedAt())
                .setEndsAt("resolve".equals(event.eventAction()) ? origin.receivedAt() : null)
                .setFingerprint(event.dedupKey())
                .setGeneratorUrl(event.clientUrl())
                .setReceiver(null)
                .setReceivedAt(origin.receivedAt())
                .setInboundRecord(origin.coordinates())
                .build();
    }

    /** The alert rule's name: PagerDuty's class (Alertmanager puts the alertname there), else the summary, else the dedup key. */
    private static String alertNameOf(Event event) {
        Payload payload = event.payload();
        if (payload != null && payload.eventClass() != null && !payload.eventClass().isBlank()) {
            return payload.eventClass();
        }
        if (payload != null && payload.summary() != null && !payload.summary().isBlank()) {
            return payload.summary();
        }
        return event.dedupKey();
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
