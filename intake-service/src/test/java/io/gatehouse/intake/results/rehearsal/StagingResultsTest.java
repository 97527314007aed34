package io.gatehouse.intake.results.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.events.DataRefresh;
import io.gatehouse.events.Dataset;
import io.gatehouse.events.ObservabilityBaseline;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The observability baseline and the staging data refresh. */
class StagingResultsTest {

    @Test
    void anObservabilityBaselineKeepsEveryMetricSortedByName() {
        ObservabilityBaseline baseline = ObservabilityBaselines.parse(utf8("""
                {"capturedAt": "2025-03-01T16:10:00Z", "metrics": {"p95LatencyMs": 182.5, "errorRate": 0.002, "rps": 950}}"""));

        assertThat(baseline.getCapturedAt()).isEqualTo(Instant.parse("2025-03-01T16:10:00Z"));
        assertThat(baseline.getMetrics()).containsExactly(java.util.Map.entry("errorRate", 0.002), java.util.Map.entry("p95LatencyMs", 182.5),
                java.util.Map.entry("rps", 950.0));
    }

    @Test
    void aBaselineNeedsATimeAndAtLeastOneNumericMetric() {
        assertRefused(ObservabilityBaselines::parse, "{\"capturedAt\": \"2025-03-01T16:10:00Z\", \"metrics\": {}}", "observability-baseline", "metrics is empty");
        assertRefused(ObservabilityBaselines::parse, "{\"capturedAt\": \"2025-03-01T16:10:00Z\", \"metrics\": {\"p95\": \"fast\"}}",
                "observability-baseline", "metrics.p95 must be a finite number; it is \"fast\"");
        assertRefused(ObservabilityBaselines::parse, "{\"metrics\": {\"p95\": 1}}", "observability-baseline", "capturedAt is missing");
        assertRefused(ObservabilityBaselines::parse, "{\"capturedAt\": \"2025-03-01T16:10:00Z\", \"metrics\": [1]}",
                "observability-baseline", "metrics must be a JSON object; it is an array");
    }

    @Test
    void aDataRefreshKeepsItsDatasetsAndFeatureFlags() {
        DataRefresh refresh = DataRefreshes.parse(utf8("""
                {"refreshedAt": "2025-03-01T12:00:00Z",
                 "datasets": [{"name": "orders", "rows": 1200000, "source": "prod snapshot 2025-02-28, masked"}],
                 "featureFlags": {"newCheckout": true, "legacyTax": false}}"""));

        assertThat(refresh.getDatasets()).extracting(Dataset::getName, Dataset::getRows).containsExactly(org.assertj.core.groups.Tuple.tuple("orders", 1_200_000L));
        assertThat(refresh.getFeatureFlags()).containsExactly(java.util.Map.entry("legacyTax", false), java.util.Map.entry("newCheckout", true));
        assertThat(DataRefreshes.parse(utf8("{\"refreshedAt\": \"2025-03-01T12:00:00Z\", \"datasets\": []}")).getFeatureFlags()).isEmpty();
    }

    @Test
    void aDataRefreshIsRefusedByTheFirstWrongField() {
        assertRefused(DataRefreshes::parse, "{\"refreshedAt\": \"2025-03-01T12:00:00Z\", \"datasets\": [{\"name\": \"orders\", \"rows\": -3, \"source\": \"s\"}]}",
                "data-refresh", "datasets[0].rows must not be negative");
        assertRefused(DataRefreshes::parse, "{\"refreshedAt\": \"2025-03-01T12:00:00Z\", \"datasets\": [], \"featureFlags\": {\"x\": \"yes\"}}",
                "data-refresh", "featureFlags.x must be true or false; it is \"yes\"");
        assertRefused(DataRefreshes::parse, "{\"refreshedAt\": \"yesterday\", \"datasets\": []}", "data-refresh", "refreshedAt must be an ISO-8601 time");
    }

    static void assertRefused(Consumer<byte[]> parser, String body, String kind, String context) {
        assertThatThrownBy(() -> parser.accept(utf8(body))).as(body).isInstanceOf(RejectedPayload.class)
                .satisfies(refused -> {
                    assertThat(((RejectedPayload) refused).report().failed()).isEqualTo(kind + " payload");
                    assertThat(((RejectedPayload) refused).report().context()).contains(context);
                });
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
