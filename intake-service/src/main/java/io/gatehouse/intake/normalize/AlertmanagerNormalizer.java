package io.gatehouse.intake.normalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.util.List;

/** Prometheus Alertmanager's webhook, version "4": one AlertReceived per alert in it. */
public final class AlertmanagerNormalizer {

    public static final String FORMAT = "alertmanager";
    private static final String RESOLUTION = "send the JSON body Alertmanager's webhook receiver posts (version 4, Alertmanager 0.16 or newer)";

    /** The webhook fields Gatehouse reads; unknown fields are ignored, so newer Alertmanagers are accepted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Webhook(String version, String status, String receiver, String groupKey, String externalURL, List<PrometheusAlert> alerts) {
    }

    private AlertmanagerNormalizer() {
    }

    /**
     * Reads and checks a webhook body.
     *
     * @throws RejectedPayload saying what is wrong, when the body is not a usable version 4 webhook
     */
    public static ParsedPayload parse(byte[] body) {
        Webhook webhook = Json.read(body, Webhook.class, FORMAT, "an Alertmanager webhook JSON object", RESOLUTION);
        if (!"4".equals(webhook.version())) {
            throw RejectedPayload.invalid(FORMAT, "webhook version is " + PrometheusAlerts.quotedOrMissing(webhook.version())
                    + ", Gatehouse reads version \"4\"", "use an Alertmanager that sends webhook version 4 (0.16 or newer)");
        }
        PrometheusAlerts.check(webhook.alerts(), FORMAT, RESOLUTION);
        return new ParsedPayload(webhook.alerts().size(), webhook.groupKey(),
                origin -> PrometheusAlerts.normalize(webhook.alerts(), FORMAT, webhook.receiver(), origin));
    }
}
