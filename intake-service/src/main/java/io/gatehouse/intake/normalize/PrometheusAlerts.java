package io.gatehouse.intake.normalize;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks and normalizes the alert lists of Alertmanager and Grafana webhooks, which share one alert shape. */
final class PrometheusAlerts {

    private PrometheusAlerts() {
    }

    /** Rejects a list that is empty or holds an alert without name, valid status or valid times. */
    static void check(List<PrometheusAlert> alerts, String format, String resolution) {
        if (alerts == null || alerts.isEmpty()) {
            throw RejectedPayload.invalid(format, "the webhook lists no alerts", resolution);
        }
        for (int i = 0; i < alerts.size(); i++) {
            PrometheusAlert alert = alerts.get(i);
            String where = "alerts[" + i + "]";
            if (alert == null) {
                throw RejectedPayload.invalid(format, where + " is null", resolution);
            }
            if (alert.labels() == null || alert.labels().get("alertname") == null || alert.labels().get("alertname").isBlank()) {
                throw RejectedPayload.invalid(format, where + " has no alertname label", "every alert needs the alertname label its rule sets");
            }
            if (!"firing".equals(alert.status()) && !"resolved".equals(alert.status())) {
                throw RejectedPayload.invalid(format, where + ".status is " + quotedOrMissing(alert.status()), "status must be \"firing\" or \"resolved\"");
            }
            checkTime(alert.startsAt(), where + ".startsAt", format, true);
            checkTime(alert.endsAt(), where + ".endsAt", format, false);
        }
    }

    /** One event per alert, in the order of the list. */
    static List<AlertReceived> normalize(List<PrometheusAlert> alerts, String source, String receiver, InboundRecord origin) {
        List<AlertReceived> events = new ArrayList<>();
        for (PrometheusAlert alert : alerts) {
            Map<String, String> labels = sorted(alert.labels());
            AlertStatus status = "resolved".equals(alert.status()) ? AlertStatus.RESOLVED : AlertStatus.FIRING;
            Instant end = alert.endsAt() == null ? null : Timestamps.parse(alert.endsAt());
            events.add(AlertReceived.newBuilder()
                    .setAlertId(alert.fingerprint() != null && !alert.fingerprint().isBlank() ? alert.fingerprint() : digestOf(labels))
                    .setSource(source)
                    .setStatus(status)
                    .setAlertName(labels.get("alertname"))
                    .setService(labels.getOrDefault("service", labels.get("job")))
                    .setLabels(labels)
                    .setAnnotations(sorted(alert.annotations()))
                    .setStartsAt(Timestamps.parse(alert.startsAt()))
                    .setEndsAt(status == AlertStatus.RESOLVED && end != null && !Timestamps.isGoZeroTime(end) ? end : null)
                    .setFingerprint(alert.fingerprint())
                    .setGeneratorUrl(alert.generatorURL() == null || alert.generatorURL().isBlank() ? null : alert.generatorURL())
                    .setReceiver(receiver)
                    .setReceivedAt(origin.receivedAt())
                    .setInboundRecord(origin.coordinates())
                    .build());
        }
        return events;
    }

    /** Sorted, so the same alert always encodes to the same bytes (Avro writes maps in iteration order). */
    static Map<String, String> sorted(Map<String, String> values) {
        return values == null ? new TreeMap<>() : new TreeMap<>(values);
    }

    /** Identity for an alert without a fingerprint: a digest of its sorted name/value pairs. */
    static String digestOf(Map<String, String> sortedValues) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sortedValues.forEach((name, value) -> sha256.update((name + "\u0000" + value + "\u0000").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha256.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    static String quotedOrMissing(String value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }

    private static void checkTime(String value, String where, String format, boolean required) {
        if (value == null) {
            if (required) {
                throw RejectedPayload.invalid(format, where + " is missing", "send RFC 3339 times");
            }
            return;
        }
        if (!Timestamps.isValid(value)) {
            throw RejectedPayload.invalid(format, where + " is not an RFC 3339 time: \"" + value + "\"", "send RFC 3339 times");
        }
    }
}
