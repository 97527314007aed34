package io.gatehouse.evidence.release;

import static io.gatehouse.evidence.artifacts.Text.cell;

import io.gatehouse.events.DataRefresh;
import io.gatehouse.events.ObservabilityBaseline;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import io.gatehouse.evidence.artifacts.Text;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Markdown artifacts of a staging rehearsal's inputs: the data it ran on and the metrics it left behind. */
final class ReleaseMarkdown {

    private ReleaseMarkdown() {
    }

    /** observability-baseline.md: the metrics after the rehearsal, which protocol 19 compares production with. */
    static String observabilityBaseline(SubjectHistory history) {
        StringBuilder out = new StringBuilder("# Observability baseline: ").append(Registration.title(history)).append("\n\n");
        List<Recorded<RehearsalResultReceived>> baselines = Results.of(history, RehearsalResultKind.OBSERVABILITY_BASELINE,
                ObservabilityBaseline.class);
        if (baselines.isEmpty()) {
            return out.append("No observability baseline was captured.\n").toString();
        }
        Recorded<RehearsalResultReceived> latest = Results.latest(baselines);
        ObservabilityBaseline baseline = Results.summary(latest, ObservabilityBaseline.class);
        out.append("Captured at ").append(baseline.getCapturedAt()).append(" after the staging rehearsal; ").append(received(latest))
                .append(". Protocol 19 compares production after the deployment with these values.\n\n| Metric | Value |\n|---|---|\n");
        new TreeMap<>(baseline.getMetrics()).forEach((name, value) -> out.append("| ").append(cell(name)).append(" | ")
                .append(Text.decimal(value)).append(" |\n"));
        List<Recorded<RehearsalResultReceived>> superseded = Results.superseded(baselines);
        if (!superseded.isEmpty()) {
            out.append("\n## Superseded baselines\n\n");
            superseded.forEach(b -> out.append("- Captured at ").append(Results.summary(b, ObservabilityBaseline.class).getCapturedAt()).append(", ")
                    .append(received(b)).append(": ").append(metrics(Results.summary(b, ObservabilityBaseline.class).getMetrics())).append('\n'));
        }
        return out.toString();
    }

    /** staging-data-refresh.md: the datasets and feature flags staging was refreshed with before the rehearsal. */
    static String stagingDataRefresh(SubjectHistory history) {
        StringBuilder out = new StringBuilder("# Staging data refresh: ").append(Registration.title(history)).append("\n\n");
        List<Recorded<RehearsalResultReceived>> refreshes = Results.of(history, RehearsalResultKind.DATA_REFRESH, DataRefresh.class);
        for (int i = refreshes.size() - 1; i >= 0; i--) {
            Recorded<RehearsalResultReceived> recorded = refreshes.get(i);
            DataRefresh refresh = Results.summary(recorded, DataRefresh.class);
            if (i < refreshes.size() - 1) {
                out.append("## Superseded: refresh of ").append(refresh.getRefreshedAt()).append("\n\n");
            }
            out.append("Refreshed at ").append(refresh.getRefreshedAt()).append("; ").append(received(recorded)).append(".\n\n")
                    .append("| Dataset | Rows | Source |\n|---|---|---|\n");
            refresh.getDatasets().forEach(d -> out.append("| ").append(cell(d.getName())).append(" | ").append(d.getRows()).append(" | ")
                    .append(cell(d.getSource())).append(" |\n"));
            out.append("\n| Feature flag | On |\n|---|---|\n");
            new TreeMap<>(refresh.getFeatureFlags()).forEach((flag, on) -> out.append("| ").append(cell(flag)).append(" | ")
                    .append(Text.yesNo(on)).append(" |\n"));
            out.append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String received(Recorded<RehearsalResultReceived> result) {
        return "event " + result.eventId() + ", received " + result.event().getReceivedAt() + " from " + result.event().getSubmittedBy();
    }

    private static String metrics(Map<String, Double> metrics) {
        return String.join(", ", new TreeMap<>(metrics).entrySet().stream().map(m -> m.getKey() + " " + Text.decimal(m.getValue())).toList());
    }
}
