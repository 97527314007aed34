package io.gatehouse.incident.severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The running aggregates an incident keeps give exactly what gathering over all its alerts gives: folded in alert by
 * alert, and gathered again (in the alerts' order) when an alert's facts are replaced, as the incident does.
 */
class RunningSignalsTest {

    private static final ServiceProfile PROFILE = new ServiceProfile(2, true);
    private static final List<String> SEVERITIES = List.of("critical", "CRITICAL", "error", "Warning", "info", "page", "sev1", "");
    private static final List<String> NUMBERS = List.of("3.5", "16.2", " 7 ", "12%", "0.0", "-0.0", "1e2", "fast", "NaN", "Infinity", "-4", "0.3");
    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "ap-south-1", "EU-WEST-1");
    private static final List<String> SIGNALS = List.of("slo_burn_rate", "burn_rate", "users_affected_percent", "users_affected_ratio",
            "regions_affected");

    @Test
    void randomAlertSequencesWithUpdatesAndResolvesGiveWhatGatheringOverAllAlertsGives() {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            List<SeveritySignals.AlertFacts> alerts = new ArrayList<>();
            RunningSignals running = new RunningSignals();
            for (int step = 0; step < 60; step++) {
                int choice = random.nextInt(10);
                if (alerts.isEmpty() || choice < 6) {
                    SeveritySignals.AlertFacts added = randomFacts(random);
                    alerts.add(added);
                    running.fold(added);
                } else if (choice < 8) {
                    // An alert fires again or is acknowledged with other labels: its facts are replaced where it stands.
                    alerts.set(random.nextInt(alerts.size()), randomFacts(random));
                    running = RunningSignals.over(alerts);
                }
                // else: an alert is resolved, which keeps its facts and changes no signal.
                assertThat(running.signals(PROFILE)).as("seed %d, step %d, alerts %s", seed, step, alerts)
                        .isEqualTo(SeveritySignals.from(alerts, PROFILE));
            }
        }
    }

    @Test
    void ofEquallySevereLabelsTheFirstStaysAsGatheringKeepsIt() {
        List<SeveritySignals.AlertFacts> alerts = List.of(facts(Map.of("severity", "page")), facts(Map.of("severity", "sev1")),
                facts(Map.of("severity", "warning")), facts(Map.of("severity", "Warning")));

        assertThat(RunningSignals.over(alerts).signals(PROFILE).sourceSeverity()).isEqualTo("warning")
                .isEqualTo(SeveritySignals.from(alerts, PROFILE).sourceSeverity());
        assertThat(RunningSignals.over(alerts.subList(0, 2)).signals(PROFILE).sourceSeverity()).isEqualTo("page");
    }

    @Test
    void noAlertReportingASignalLeavesItUnknown() {
        SeveritySignals signals = RunningSignals.over(List.of(facts(Map.of("alertname", "X")))).signals(ServiceProfile.UNKNOWN);

        assertThat(signals).isEqualTo(new SeveritySignals(null, null, null, null, null, false));
    }

    private static SeveritySignals.AlertFacts randomFacts(Random random) {
        Map<String, String> labels = new HashMap<>();
        Map<String, String> annotations = new HashMap<>();
        for (String signal : SIGNALS) {
            int where = random.nextInt(4);
            if (where == 0) {
                labels.put(signal, pick(random, NUMBERS));
            } else if (where == 1) {
                annotations.put(signal, pick(random, NUMBERS));
            }
        }
        if (random.nextBoolean()) {
            labels.put("region", pick(random, REGIONS));
        }
        if (random.nextInt(4) == 0) {
            annotations.put("region", pick(random, REGIONS));
        }
        if (random.nextInt(3) > 0) {
            labels.put("severity", pick(random, SEVERITIES));
        }
        return new SeveritySignals.AlertFacts(labels, annotations);
    }

    private static SeveritySignals.AlertFacts facts(Map<String, String> labels) {
        return new SeveritySignals.AlertFacts(labels, Map.of());
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
