package io.gatehouse.intake.normalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.gatehouse.errors.ErrorReport;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.util.List;

/**
 * Grafana unified alerting's webhook (Grafana 8 and newer): an Alertmanager-shaped body with Grafana's own
 * additions (orgId, state, title, per-alert values), one AlertReceived per alert. The legacy alerting format of
 * older Grafanas (one notification per rule, evalMatches, no alerts list) is refused with a clear error.
 */
public final class GrafanaNormalizer {

    public static final String FORMAT = "grafana";
    private static final String RESOLUTION = "send the JSON body a Grafana unified-alerting webhook contact point posts";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Webhook(String receiver, String status, Integer orgId, String state, String title, String groupKey,
                   List<PrometheusAlert> alerts, Object evalMatches, Object ruleId, String ruleName) {

        boolean isLegacy() {
            return alerts == null && (evalMatches != null || ruleId != null || ruleName != null);
        }
    }

    private GrafanaNormalizer() {
    }

    /** @throws RejectedPayload saying what is wrong, when the body is not a usable unified-alerting webhook */
    public static ParsedPayload parse(byte[] body) {
        Webhook webhook = Json.read(body, Webhook.class, FORMAT, "a Grafana webhook JSON object", RESOLUTION);
        if (webhook.isLegacy()) {
            throw new RejectedPayload(new ErrorReport(ErrorReport.Severity.WARNING, "grafana payload",
                    "this is Grafana's legacy (pre-8) alert notification" + (webhook.ruleName() == null ? "" : " for rule \"" + webhook.ruleName() + "\"")
                            + "; it has no alerts list, labels or fingerprints to group by",
                    "move the rule to Grafana unified alerting (Grafana 8 or newer) and notify Gatehouse through a webhook contact point",
                    "the notification was not accepted; other payloads are unaffected"));
        }
        PrometheusAlerts.check(webhook.alerts(), FORMAT, RESOLUTION);
        return new ParsedPayload(webhook.alerts().size(), webhook.groupKey(),
                origin -> PrometheusAlerts.normalize(webhook.alerts(), FORMAT, webhook.receiver(), origin));
    }
}
