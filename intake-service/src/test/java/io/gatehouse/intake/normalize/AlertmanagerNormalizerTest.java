package io.gatehouse.intake.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertmanagerNormalizerTest {

    static final InboundRecord ORIGIN = new InboundRecord("alerts.inbound", 2, 41, Instant.parse("2026-11-20T08:15:03.500Z"));

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = AlertmanagerNormalizerTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void everyAlertOfAWebhookBecomesOneEventWithItsLabelsAnnotationsAndTimes() throws IOException {
        ParsedPayload parsed = AlertmanagerNormalizer.parse(fixture("alertmanager-checkout-firing.json"));
        List<AlertReceived> events = parsed.normalize(ORIGIN);

        assertThat(parsed.alertCount()).isEqualTo(2);
        assertThat(parsed.key()).isEqualTo("{}:{alertname=\"CheckoutErrorBudgetBurn\", service=\"checkout\"}");
        assertThat(events).hasSize(2);
        AlertReceived firing = events.get(0);
        assertThat(firing.getAlertId()).isEqualTo("a1b2c3d4e5f60718");
        assertThat(firing.getFingerprint()).isEqualTo("a1b2c3d4e5f60718");
        assertThat(firing.getSource()).isEqualTo("alertmanager");
        assertThat(firing.getStatus()).isEqualTo(AlertStatus.FIRING);
        assertThat(firing.getAlertName()).isEqualTo("CheckoutErrorBudgetBurn");
        assertThat(firing.getService()).isEqualTo("checkout");
        assertThat(firing.getLabels()).containsEntry("slo_burn_rate", "16.2").containsEntry("region", "eu-west-1");
        assertThat(firing.getAnnotations()).containsEntry("users_affected_percent", "31");
        assertThat(firing.getStartsAt()).isEqualTo(Instant.parse("2026-11-20T08:15:02.123Z"));
        assertThat(firing.getEndsAt()).as("Alertmanager's zero time means no end").isNull();
        assertThat(firing.getGeneratorUrl()).startsWith("http://prometheus.example.test:9090/graph");
        assertThat(firing.getReceiver()).isEqualTo("gatehouse");
        assertThat(firing.getReceivedAt()).isEqualTo(ORIGIN.timestamp());
        assertThat(firing.getInboundRecord()).isEqualTo("alerts.inbound/2/41");
    }

    @Test
    void aResolvedAlertKeepsItsEndAndAnAlertWithoutFingerprintGetsAStableId() throws IOException {
        ParsedPayload parsed = AlertmanagerNormalizer.parse(fixture("alertmanager-checkout-firing.json"));

        AlertReceived resolved = parsed.normalize(ORIGIN).get(1);

        assertThat(resolved.getStatus()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.getEndsAt()).isEqualTo(Instant.parse("2026-11-20T08:40:00Z"));
        assertThat(resolved.getFingerprint()).isNull();
        assertThat(resolved.getAlertId()).hasSize(16).isEqualTo(parsed.normalize(ORIGIN).get(1).getAlertId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON                | {\"version\": \"4\", \"alerts\": [            | not an Alertmanager webhook JSON object",
        "a JSON array            | []                                            | not an Alertmanager webhook JSON object",
        "trailing garbage        | {\"version\":\"4\",\"alerts\":[]} xyz         | not an Alertmanager webhook JSON object",
        "legacy version          | {\"version\":\"3\",\"alerts\":[]}             | webhook version is \"3\"",
        "no version              | {\"alerts\":[]}                               | webhook version is missing",
        "no alerts               | {\"version\":\"4\",\"alerts\":[]}             | lists no alerts",
        "alert without name      | {\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"2026-11-20T08:00:00Z\"}]} | alerts[0] has no alertname label",
        "unknown status          | {\"version\":\"4\",\"alerts\":[{\"status\":\"pending\",\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"2026-11-20T08:00:00Z\"}]} | alerts[0].status is \"pending\"",
        "bad start time          | {\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"A\"},\"startsAt\":\"yesterday\"}]} | alerts[0].startsAt is not an RFC 3339 time",
    })
    void aBodyThatIsNotAUsableWebhookIsRejectedWithTheErrorShape(String name, String body, String expectedContext) {
        assertThatThrownBy(() -> AlertmanagerNormalizer.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RejectedPayload.class, rejected -> {
                    ErrorReport report = rejected.report();
                    assertThat(report.severity()).isEqualTo(ErrorReport.Severity.WARNING);
                    assertThat(report.failed()).isEqualTo("alertmanager payload");
                    assertThat(report.context()).contains(expectedContext);
                    assertThat(report.resolution()).isNotBlank();
                    assertThat(report.impact()).contains("nothing in this payload was accepted");
                });
    }

    @Test
    void anEmptyBodyIsRejected() {
        assertThatThrownBy(() -> AlertmanagerNormalizer.parse(new byte[0]))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("the body is empty");
    }
}
