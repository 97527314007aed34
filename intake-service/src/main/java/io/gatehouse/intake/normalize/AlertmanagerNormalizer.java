package io.gatehouse.intake.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns an Alertmanager webhook (version "4") into one {@link AlertReceived} per alert in it. */
public final class AlertmanagerNormalizer {

    public static final String FORMAT = "alertmanager";
    private static final String SUPPORTED_VERSION = "4";
    /** Alertmanager's "no end yet": Go's zero time. */
    private static final Instant GO_ZERO_TIME_LIMIT = Instant.parse("0002-01-01T00:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    private AlertmanagerNormalizer() {
    }

    /**
     * Parses and checks a webhook body.
     *
     * @throws RejectedPayload saying what is wrong, when the body is not a usable version 4 webhook
     */
    public static AlertmanagerWebhook parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid("the body is empty", "post the webhook JSON Alertmanager sends");
        }
        AlertmanagerWebhook webhook;
        try {
            webhook = JSON.readValue(body, AlertmanagerWebhook.class);
        } catch (JsonProcessingException e) {
            throw RejectedPayload.invalid(FORMAT, "the body is not an Alertmanager webhook JSON object: " + e.getOriginalMessage()
                    + locationOf(e), "send the JSON body Alertmanager's webhook receiver posts", e);
        } catch (IOException e) {
            throw invalid("the body cannot be read: " + e.getMessage(), "send the body again");
        }
        check(webhook);
        return webhook;
    }

    /** One event per alert of an already {@linkplain #parse checked} webhook, in the order the webhook lists them. */
    public static List<AlertReceived> normalize(AlertmanagerWebhook webhook, InboundRecord origin) {
        List<AlertReceived> events = new ArrayList<>();
        for (AlertmanagerWebhook.Alert alert : webhook.alerts()) {
            Map<String, String> labels = sorted(alert.labels());
            AlertStatus status = statusOf(alert.status());
            events.add(AlertReceived.newBuilder()
                    .setAlertId(alert.fingerprint() != null && !alert.fingerprint().isBlank() ? alert.fingerprint() : digestOf(labels))
                    .setSource(FORMAT)
                    .setStatus(status)
                    .setAlertName(labels.get("alertname"))
                    .setService(labels.getOrDefault("service", labels.get("job")))
                    .setLabels(labels)
                    .setAnnotations(sorted(alert.annotations()))
                    .setStartsAt(instantOf(alert.startsAt()))
                    .setEndsAt(status == AlertStatus.RESOLVED ? endOf(alert.endsAt()) : null)
                    .setFingerprint(alert.fingerprint())
                    .setGeneratorUrl(alert.generatorURL())
                    .setReceiver(webhook.receiver())
                    .setReceivedAt(origin.timestamp().truncatedTo(ChronoUnit.MILLIS))
                    .setInboundRecord(origin.coordinates())
                    .build());
        }
        return events;
    }

    private static void check(AlertmanagerWebhook webhook) {
        if (!SUPPORTED_VERSION.equals(webhook.version())) {
            throw invalid("webhook version is " + (webhook.version() == null ? "missing" : "\"" + webhook.version() + "\"")
                    + ", Gatehouse reads version \"4\"", "use an Alertmanager that sends webhook version 4 (0.16 or newer)");
        }
        if (webhook.alerts() == null || webhook.alerts().isEmpty()) {
            throw invalid("the webhook lists no alerts", "send the webhook as Alertmanager built it");
        }
        for (int i = 0; i < webhook.alerts().size(); i++) {
            AlertmanagerWebhook.Alert alert = webhook.alerts().get(i);
            String where = "alerts[" + i + "]";
            if (alert == null) {
                throw invalid(where + " is null", "send the webhook as Alertmanager built it");
            }
            if (alert.labels() == null || alert.labels().get("alertname") == null || alert.labels().get("alertname").isBlank()) {
                throw invalid(where + " has no alertname label", "every alert needs the alertname label Prometheus sets");
            }
            statusOfChecked(alert.status(), where);
            instantOfChecked(alert.startsAt(), where + ".startsAt");
            if (alert.endsAt() != null) {
                instantOfChecked(alert.endsAt(), where + ".endsAt");
            }
        }
    }

    private static AlertStatus statusOf(String status) {
        return "resolved".equals(status) ? AlertStatus.RESOLVED : AlertStatus.FIRING;
    }

    private static void statusOfChecked(String status, String where) {
        if (!"firing".equals(status) && !"resolved".equals(status)) {
            throw invalid(where + ".status is " + (status == null ? "missing" : "\"" + status + "\""),
                    "status must be \"firing\" or \"resolved\"");
        }
    }

    private static Instant instantOf(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void instantOfChecked(String value, String where) {
        if (value == null) {
            throw invalid(where + " is missing", "send RFC 3339 times, as Alertmanager does");
        }
        try {
            instantOf(value);
        } catch (DateTimeParseException e) {
            throw invalid(where + " is not an RFC 3339 time: \"" + value + "\"", "send RFC 3339 times, as Alertmanager does");
        }
    }

    private static Instant endOf(String endsAt) {
        if (endsAt == null) {
            return null;
        }
        Instant end = instantOf(endsAt);
        return end.isBefore(GO_ZERO_TIME_LIMIT) ? null : end;
    }

    private static Map<String, String> sorted(Map<String, String> values) {
        // Sorted, so the same alert always encodes to the same bytes (Avro writes maps in iteration order).
        return values == null ? new TreeMap<>() : new TreeMap<>(values);
    }

    /** Identity for an alert without a fingerprint: a digest of its sorted labels, as Alertmanager's own is. */
    private static String digestOf(Map<String, String> sortedLabels) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sortedLabels.forEach((name, value) -> sha256.update((name + "\u0000" + value + "\u0000").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha256.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static RejectedPayload invalid(String context, String resolution) {
        return RejectedPayload.invalid(FORMAT, context, resolution);
    }
}
