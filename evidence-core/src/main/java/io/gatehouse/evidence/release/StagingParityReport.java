package io.gatehouse.evidence.release;

import io.gatehouse.events.ConfigCategory;
import io.gatehouse.events.ConfigurationDriftMeasured;
import io.gatehouse.events.DifferenceKind;
import io.gatehouse.events.DriftSeverity;
import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * staging-parity-report.json: staging's configuration against production's, as gate 1 measured it. Each differing
 * key is named with its category, how it differs and its severity; values never appear (the measurement carries
 * none), so neither does a secret.
 *
 * @param latest the measurement that stands; null while staging and production were never compared
 * @param superseded earlier measurements, in ledger order
 */
record StagingParityReport(String releaseId, boolean happened, String statement, String stagingEnvironment, String productionEnvironment,
                           Measurement latest, List<Measurement> superseded) {

    /**
     * @param parityScore 1 - drift
     * @param ignoredKeys keys present but expected to differ, not compared
     */
    record Measurement(String eventId, Instant measuredAt, String stagingSnapshotEventId, String productionSnapshotEventId, int comparedKeys,
                       int differingKeys, double drift, double parityScore, DriftSeverity severity, List<String> ignoredKeys,
                       List<Difference> differences) {
    }

    record Difference(String key, ConfigCategory category, DifferenceKind difference, DriftSeverity severity) {
    }

    static StagingParityReport of(SubjectHistory history) {
        List<Measurement> measurements = history.all(ConfigurationDriftMeasured.class).stream().map(StagingParityReport::measurement).toList();
        Registration release = Registration.of(history).orElse(null);
        Measurement latest = Results.latest(measurements);
        return new StagingParityReport(history.subject(), latest != null, statement(latest),
                release == null ? null : release.stagingEnvironment(), release == null ? null : release.productionEnvironment(),
                latest, Results.superseded(measurements));
    }

    static List<LedgerEvent> sources(SubjectHistory history) {
        return history.of(ReleaseRegistered.class, ConfigurationDriftMeasured.class);
    }

    private static Measurement measurement(Recorded<ConfigurationDriftMeasured> recorded) {
        ConfigurationDriftMeasured m = recorded.event();
        return new Measurement(recorded.eventId(), m.getMeasuredAt(), m.getStagingSnapshotEventId(), m.getProductionSnapshotEventId(),
                m.getComparedKeys(), m.getDifferences().size(), m.getDrift(), Math.round((1 - m.getDrift()) * 10_000) / 10_000.0, m.getSeverity(),
                List.copyOf(m.getIgnoredKeys()),
                m.getDifferences().stream().map(d -> new Difference(d.getKey(), d.getCategory(), d.getDifference(), d.getSeverity())).toList());
    }

    private static String statement(Measurement latest) {
        if (latest == null) {
            return "Staging and production were not compared: both configuration snapshots are needed.";
        }
        String ignored = latest.ignoredKeys().isEmpty() ? "" : "; " + latest.ignoredKeys().size() + " key(s) expected to differ were not compared";
        if (latest.differingKeys() == 0) {
            return "Staging matches production on all " + latest.comparedKeys() + " compared key(s)" + ignored + ".";
        }
        return "Staging differs from production in " + latest.differingKeys() + " of " + latest.comparedKeys() + " compared key(s) (drift "
                + String.format(Locale.ROOT, "%.4f", latest.drift()) + ", severity " + latest.severity() + ")" + ignored + ".";
    }
}
