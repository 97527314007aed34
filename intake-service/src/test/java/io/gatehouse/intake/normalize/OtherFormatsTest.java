package io.gatehouse.intake.normalize;

import static io.gatehouse.intake.normalize.AlertmanagerNormalizerTest.ORIGIN;
import static io.gatehouse.intake.normalize.AlertmanagerNormalizerTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Grafana, PagerDuty and CloudEvents, on the project's own fixtures; the corpus is in CorpusNormalizationTest. */
class OtherFormatsTest {

    private static final String PAGERDUTY_TRIGGER = """
            {"routing_key":"r0000000000000000000000000000000","event_action":"trigger","dedup_key":"checkout/latency",
             "payload":{"summary":"Checkout p99 above 2s","source":"checkout-1","severity":"critical","component":"checkout",
                        "class":"CheckoutLatency","timestamp":"2026-11-20T08:00:00.000+0000","custom_details":{"p99_seconds":2.4,"region":"eu-west-1"}},
             "client":"Synthetic monitor","client_url":"https://monitor.example.test/checks/7"}""";

    @Test
    void aGrafanaUnifiedAlertingWebhookNormalizesLikeAnAlertmanagerOne() throws IOException {
        byte[] body = new String(fixture("alertmanager-checkout-firing.json"), StandardCharsets.UTF_8)
                .replace("\"version\": \"4\"", "\"version\": \"1\", \"orgId\": 1, \"state\": \"alerting\", \"title\": \"[FIRING:2]\"")
                .getBytes(StandardCharsets.UTF_8);

        AlertReceived first = GrafanaNormalizer.parse(body).normalize(ORIGIN).get(0);

        assertThat(first.getSource()).isEqualTo("grafana");
        assertThat(first.getAlertName()).isEqualTo("CheckoutErrorBudgetBurn");
        assertThat(first.getAlertId()).isEqualTo("a1b2c3d4e5f60718");
    }

    @Test
    void grafanasLegacyAlertNotificationIsRefusedSayingWhatToDoInstead() {
        byte[] legacy = "{\"evalMatches\":[],\"ruleId\":3,\"ruleName\":\"CPU\",\"state\":\"alerting\",\"title\":\"[Alerting] CPU\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> GrafanaNormalizer.parse(legacy))
                .isInstanceOfSatisfying(RejectedPayload.class, rejected -> {
                    assertThat(rejected.report().context()).contains("legacy (pre-8)").contains("\"CPU\"");
                    assertThat(rejected.report().resolution()).contains("unified alerting");
                });
    }

    @Test
    void aPagerDutyTriggerBecomesAFiringAlertIdentifiedByItsDedupKey() {
        AlertReceived alert = PagerDutyNormalizer.parse(PAGERDUTY_TRIGGER.getBytes(StandardCharsets.UTF_8)).normalize(ORIGIN).get(0);

        assertThat(alert.getAlertId()).isEqualTo("checkout/latency");
        assertThat(alert.getStatus()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.getAlertName()).isEqualTo("CheckoutLatency");
        assertThat(alert.getService()).isEqualTo("checkout");
        assertThat(alert.getStartsAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(alert.getLabels()).containsEntry("severity", "critical").containsEntry("p99_seconds", "2.4")
                .containsEntry("region", "eu-west-1").doesNotContainKey("routing_key");
        assertThat(alert.getAnnotations()).containsEntry("summary", "Checkout p99 above 2s");
        assertThat(alert.getGeneratorUrl()).isEqualTo("https://monitor.example.test/checks/7");
    }

    @Test
    void pagerDutyAcknowledgeAndResolveNeedOnlyTheDedupKey() {
        AlertReceived acknowledged = PagerDutyNormalizer.parse("{\"event_action\":\"acknowledge\",\"dedup_key\":\"checkout/latency\"}"
                .getBytes(StandardCharsets.UTF_8)).normalize(ORIGIN).get(0);
        AlertReceived resolved = PagerDutyNormalizer.parse("{\"event_action\":\"resolve\",\"dedup_key\":\"checkout/latency\"}"
                .getBytes(StandardCharsets.UTF_8)).normalize(ORIGIN).get(0);

        assertThat(acknowledged.getStatus()).isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.getAlertId()).isEqualTo("checkout/latency");
        assertThat(resolved.getEndsAt()).isEqualTo(ORIGIN.timestamp());
    }

    @Test
    void pagerDutyEventsThatAreNotUsableAlertsAreRefused() {
        assertRejected("{\"event_action\":\"resolve\"}", "resolve without dedup_key");
        assertRejected("{\"event_action\":\"trigger\",\"payload\":{\"summary\":\"x\",\"source\":\"y\"}}", "trigger without payload.severity");
        assertRejected("{\"event_action\":\"trigger\",\"payload\":{\"summary\":\"x\",\"source\":\"y\",\"severity\":\"high\"}}", "payload.severity is \"high\"");
        assertRejected("{\"event_action\":\"escalate\",\"dedup_key\":\"k\"}", "event_action is \"escalate\"");
        assertRejected("{\"routing_key\":\"r\",\"payload\":{\"summary\":\"Deploy\",\"source\":\"ci\"}}", "change event");
    }

    @Test
    void aStructuredCloudEventCarriesAnAlertPayloadAsDataOrDataBase64() {
        String data = PAGERDUTY_TRIGGER;
        String structured = "{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"/monitor\",\"type\":\"com.example.alert\",\"data\":" + data + "}";
        String base64 = "{\"specversion\":\"1.0\",\"id\":\"e2\",\"source\":\"/monitor\",\"type\":\"com.example.alert\",\"data_base64\":\""
                + Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)) + "\"}";

        for (String event : new String[] {structured, base64}) {
            AlertReceived alert = CloudEventsNormalizer.parse(new RecordHeaders(), event.getBytes(StandardCharsets.UTF_8)).normalize(ORIGIN).get(0);
            assertThat(alert.getSource()).isEqualTo("pagerduty");
            assertThat(alert.getAlertId()).isEqualTo("checkout/latency");
        }
    }

    @Test
    void aBinaryModeCloudEventHasItsAttributesInHeadersAndTheAlertPayloadAsBody() throws IOException {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "e3".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/alertmanager".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "com.example.alert".getBytes(StandardCharsets.UTF_8));

        ParsedPayload parsed = CloudEventsNormalizer.parse(headers, fixture("alertmanager-checkout-firing.json"));

        assertThat(parsed.normalize(ORIGIN)).hasSize(2).allSatisfy(a -> assertThat(a.getSource()).isEqualTo("alertmanager"));
        headers.remove("ce_id");
        assertThatThrownBy(() -> CloudEventsNormalizer.parse(headers, fixture("alertmanager-checkout-firing.json")))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("binary-mode event without ce-id");
    }

    @Test
    void aCloudEventWhoseDataIsNoKnownAlertIsRefused() {
        assertThatThrownBy(() -> CloudEventsNormalizer.parse(new RecordHeaders(),
                "{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"t\",\"data\":{\"hello\":1}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("data is not an alert payload Gatehouse knows");
        assertThatThrownBy(() -> CloudEventsNormalizer.parse(new RecordHeaders(),
                "{\"specversion\":\"0.3\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"t\",\"data\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("specversion is \"0.3\"");
    }

    private static void assertRejected(String body, String context) {
        assertThatThrownBy(() -> PagerDutyNormalizer.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining(context);
    }
}
