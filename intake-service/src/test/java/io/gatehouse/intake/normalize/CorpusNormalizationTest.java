package io.gatehouse.intake.normalize;

import static io.gatehouse.intake.normalize.AlertmanagerNormalizerTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.infra.corpus.Corpus;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Every real payload of the shared corpus is recognised without a format header and normalized, or refused clearly. */
class CorpusNormalizationTest {

    @Test
    void everyAlertmanagerWebhookNormalizesToItsAlerts() throws IOException {
        Path folder = corpus("alertmanager");
        List<Path> webhooks = Corpus.alertmanagerWebhooks(folder);
        assertThat(webhooks).hasSizeGreaterThanOrEqualTo(8);

        for (Path file : webhooks) {
            JsonNode webhook = Json.MAPPER.readTree(file.toFile());
            List<AlertReceived> events = recognisedAs(file, PayloadFormat.ALERTMANAGER);

            assertThat(events).as(name(file)).hasSize(webhook.get("alerts").size());
            for (int i = 0; i < events.size(); i++) {
                AlertReceived event = events.get(i);
                JsonNode alert = webhook.get("alerts").get(i);
                assertThat(name(file)).contains(event.getAlertName()).contains(event.getService());
                assertThat(event.getAlertId()).isEqualTo(alert.get("fingerprint").asText());
                assertThat(event.getStatus().name().toLowerCase()).isEqualTo(alert.get("status").asText());
                assertThat(event.getEndsAt() == null).as("endsAt of " + name(file)).isEqualTo(event.getStatus() == AlertStatus.FIRING);
                assertThat(event.getLabels()).hasSize(alert.get("labels").size());
            }
        }
    }

    @Test
    void alertmanagersOwnPagerDutyEventsNormalizeToTheSameAlertNamesAndServices() throws IOException {
        Path folder = corpus("alertmanager");
        List<Path> enqueued;
        try (var files = Files.list(folder)) {
            enqueued = files.filter(f -> name(f).contains("-enqueue-") && name(f).endsWith(".json")).sorted().toList();
        }
        assertThat(enqueued).hasSize(3);

        for (Path file : enqueued) {
            AlertReceived event = recognisedAs(file, PayloadFormat.PAGERDUTY).get(0);
            String action = name(file).split("-")[2];
            assertThat(name(file)).endsWith("-" + event.getAlertName() + ".json");
            assertThat(event.getService()).isIn("payments-db", "checkout");
            assertThat(event.getStatus()).isEqualTo("resolve".equals(action) ? AlertStatus.RESOLVED : AlertStatus.FIRING);
            assertThat(event.getAlertId()).hasSize(64);
            assertThat(event.getLabels()).containsEntry("severity", "error").containsKey("num_firing");
        }
    }

    @Test
    void grafanaUnifiedAlertingNormalizesAndTheLegacyFormatIsRefused() throws IOException {
        Path folder = corpus("grafana");

        List<AlertReceived> documented = recognisedAs(folder.resolve("grafana-docs-webhook-firing-2alerts.json"), PayloadFormat.GRAFANA);
        assertThat(documented).extracting(AlertReceived::getAlertName).containsExactly("High memory usage", "High CPU usage");
        assertThat(documented.get(0).getStartsAt()).isEqualTo(Instant.parse("2021-10-12T07:51:03.157Z"));

        List<AlertReceived> v11 = recognisedAs(folder.resolve("grafana-v11-firing-values-zulip.json"), PayloadFormat.GRAFANA);
        assertThat(v11).singleElement().satisfies(a -> {
            assertThat(a.getAlertName()).isEqualTo("Memory (copy)");
            assertThat(a.getStatus()).isEqualTo(AlertStatus.FIRING);
        });

        List<AlertReceived> resolved = recognisedAs(folder.resolve("grafana-webhook-resolved-8alerts-unicode.json"), PayloadFormat.GRAFANA);
        assertThat(resolved).hasSize(8).allSatisfy(a -> {
            assertThat(a.getStatus()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(a.getAlertName()).isEqualTo("指数大幅波动警告(日内涨跌幅>=3%)");
            assertThat(a.getEndsAt()).isEqualTo(Instant.parse("2025-05-06T16:11:30.010Z"));
        });
        assertThat(resolved).extracting(AlertReceived::getAlertId).doesNotHaveDuplicates();

        assertRefused(folder.resolve("grafana-legacy-test-notification-zulip.json"), PayloadFormat.GRAFANA, "legacy (pre-8)");
    }

    @Test
    void pagerDutyTriggersNormalizeAndItsOtherDocumentsAreRefused() throws IOException {
        Path folder = corpus("pagerduty");

        AlertReceived trigger = recognisedAs(folder.resolve("pd-api-schema-enqueue-trigger.json"), PayloadFormat.PAGERDUTY).get(0);
        assertThat(trigger.getAlertId()).isEqualTo("srv01/mysql");
        assertThat(trigger.getAlertName()).isEqualTo("disk");
        assertThat(trigger.getService()).isEqualTo("mysql");
        assertThat(trigger.getStartsAt()).isEqualTo(Instant.parse("2015-07-17T08:42:58.315Z"));
        assertThat(trigger.getLabels()).containsEntry("free space", "1%").containsEntry("load avg", "0.75").containsEntry("severity", "critical");

        assertRefused(folder.resolve("pd-api-schema-change-event-build.json"), PayloadFormat.PAGERDUTY, "change event");
        assertRefused(folder.resolve("pd-api-schema-change-event-git.json"), PayloadFormat.PAGERDUTY, "change event");
        for (String response : List.of("pd-api-schema-response-202-success.json", "pd-api-schema-response-400-error.json")) {
            assertThatThrownBy(() -> PayloadFormat.of(new RecordHeaders(), Files.readAllBytes(folder.resolve(response))))
                    .as(response).isInstanceOf(RejectedPayload.class).hasMessageContaining("matches no known alert format");
        }
    }

    private static Path corpus(String kind) {
        Optional<Path> folder = Corpus.folder(kind);
        assumeTrue(folder.isPresent(), () -> Corpus.absent(kind));
        return folder.get();
    }

    private static List<AlertReceived> recognisedAs(Path file, PayloadFormat expected) throws IOException {
        byte[] body = Files.readAllBytes(file);
        PayloadFormat format = PayloadFormat.of(new RecordHeaders(), body);
        assertThat(format).as("format of " + name(file)).isEqualTo(expected);
        return format.parse(new RecordHeaders(), body).normalize(ORIGIN);
    }

    private static void assertRefused(Path file, PayloadFormat expected, String context) throws IOException {
        byte[] body = Files.readAllBytes(file);
        assertThat(PayloadFormat.of(new RecordHeaders(), body)).as("format of " + name(file)).isEqualTo(expected);
        assertThatThrownBy(() -> expected.parse(new RecordHeaders(), body)).as(name(file))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining(context);
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
