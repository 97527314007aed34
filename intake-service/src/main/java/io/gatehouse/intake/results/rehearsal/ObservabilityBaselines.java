package io.gatehouse.intake.results.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.ObservabilityBaseline;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.parsing.Fields;
import io.gatehouse.intake.results.parsing.JsonDocuments;
import java.util.Map;
import java.util.TreeMap;

/** Reads an observability baseline, {@code {"capturedAt", "metrics": {"p95LatencyMs": 180, ...}}}. */
public final class ObservabilityBaselines {

    public static final String KIND = "observability-baseline";
    private static final String RESOLUTION = "send {\"capturedAt\": \"<ISO-8601 time>\", \"metrics\": {\"<name>\": <number>, ...}} "
            + "with at least one metric";
    private static final Fields FIELDS = new Fields(KIND, RESOLUTION);

    private ObservabilityBaselines() {
    }

    /** @throws RejectedPayload when the body is not a baseline, naming the first wrong field */
    public static ObservabilityBaseline parse(byte[] body) {
        JsonNode baseline = FIELDS.object(JsonDocuments.json(body, KIND, "a JSON object", RESOLUTION), "");
        JsonNode metrics = FIELDS.object(baseline, "metrics", "");
        if (metrics.isEmpty()) {
            throw FIELDS.invalid("metrics is empty; a baseline without a metric is no baseline");
        }
        // Sorted, so the same baseline always encodes to the same bytes.
        Map<String, Double> values = new TreeMap<>();
        metrics.fields().forEachRemaining(metric -> values.put(metric.getKey(), FIELDS.finiteNumber(metric.getValue(), "metrics." + metric.getKey())));
        return ObservabilityBaseline.newBuilder().setCapturedAt(FIELDS.time(baseline, "capturedAt", "")).setMetrics(values).build();
    }
}
