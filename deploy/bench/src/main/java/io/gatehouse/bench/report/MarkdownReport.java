package io.gatehouse.bench.report;

import io.gatehouse.bench.footprint.ServiceFootprint;
import io.gatehouse.bench.storm.StormResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * bench-results/latest.md, also printed at the end of a run: one row per measure, each figure beside its target from
 * issue #9 and whether it meets it; intake also beside the raw limit it is measured against.
 */
public final class MarkdownReport {

    private static final String NOT_MEASURED = "not measured";

    private MarkdownReport() {
    }

    /** One row: what, the figure, the target, the raw limit (intake only), whether the figure meets the target. */
    record Row(String measure, String result, String target, String rawLimit, Boolean met) {
    }

    public static String render(BenchResults results) {
        StringBuilder md = new StringBuilder();
        Machine machine = results.machine();
        md.append("# Gatehouse bench\n\n");
        md.append(String.format(Locale.ROOT, "%s run on %s: %d cores, Java %s, commit %s. Run by `deploy/local/gatehouse bench%s`.%n%n",
                results.quick() ? "A quick (1/10 volume)" : "A full", machine.date(), machine.cores(), machine.javaVersion(), machine.gitCommit(),
                results.quick() ? " --quick" : ""));
        md.append("| Measure | Result | Target | Raw limit | Meets target |\n");
        md.append("|---|---|---|---|---|\n");
        for (Row row : rows(results)) {
            md.append("| ").append(row.measure()).append(" | ").append(row.result()).append(" | ").append(row.target()).append(" | ")
                    .append(row.rawLimit()).append(" | ").append(row.met() == null ? "–" : row.met() ? "yes" : "**no**").append(" |\n");
        }
        if (!results.notes().isEmpty()) {
            md.append("\nNotes:\n\n");
            results.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    static List<Row> rows(BenchResults results) {
        List<Row> rows = new ArrayList<>();
        String rawLimit = results.raw() == null ? NOT_MEASURED : perSec(results.raw().passThroughPerSec()) + " records/s";
        rows.add(new Row("Raw limit: Kafka consumer → producer pass-through, 1 KB records, acks=all, idempotent",
                results.raw() == null ? NOT_MEASURED : perSec(results.raw().passThroughPerSec()) + " records/s", "–", "–", null));

        if (results.intake() == null) {
            rows.add(new Row("Intake: alerts.inbound → AlertReceived", NOT_MEASURED, "≥ 50 % of raw and ≥ 20,000 alerts/s", rawLimit, null));
        } else {
            Double ratio = results.intakeRatio();
            rows.add(new Row("Intake: alerts.inbound → AlertReceived",
                    perSec(results.intake().perSec()) + " alerts/s" + (ratio == null ? "" : String.format(Locale.ROOT, " (%.1f %% of raw)", ratio * 100))
                            + (results.intake().completed() ? "" : ", gave up at " + count(results.intake().received()) + " of " + count(results.intake().alerts())),
                    "≥ 50 % of raw and ≥ 20,000 alerts/s", rawLimit,
                    results.intake().completed() && ratio != null && ratio >= 0.5 && results.intake().perSec() >= 20_000));
        }

        var webhook = results.webhook();
        rows.add(webhook == null
                ? new Row("Webhook: POST /v1/alerts/alertmanager, 32 connections", NOT_MEASURED, "≥ 5,000 requests/s, p99 ≤ 20 ms", "", null)
                : new Row("Webhook: POST /v1/alerts/alertmanager, 32 connections",
                        String.format(Locale.ROOT, "%s requests/s, p50 %s ms, p99 %s ms, max %s ms, %s errors", perSec(webhook.perSec()),
                                millis(webhook.p50Ms()), millis(webhook.p99Ms()), millis(webhook.maxMs()), count(webhook.errors())),
                        "≥ 5,000 requests/s, p99 ≤ 20 ms", "",
                        webhook.perSec() >= 5_000 && webhook.p99Ms() != null && webhook.p99Ms() <= 20 && webhook.errors() == 0));

        var severity = results.severity();
        rows.add(severity == null
                ? new Row("Alert → SeverityClassified at a fixed rate", NOT_MEASURED, "p99 ≤ 50 ms at 1,000 alerts/s", "", null)
                : new Row("Alert → SeverityClassified at " + count(severity.ratePerSec()) + " alerts/s",
                        String.format(Locale.ROOT, "p50 %s ms, p99 %s ms, max %s ms; %s of %s never arrived", millis(severity.p50Ms()),
                                millis(severity.p99Ms()), millis(severity.maxMs()), count(severity.missing()), count(severity.alerts())),
                        "p99 ≤ 50 ms at 1,000 alerts/s", "",
                        severity.missing() == 0 && severity.p99Ms() != null && severity.p99Ms() <= 50));

        rows.add(stormRow("Storm", results.storm(), "1,000 incidents, 0 lost, ≤ 10 s after the last post"));
        rows.add(stormRow("One-key storm", results.stormOneKey(), "1 incident, 0 lost, ≤ 10 s after the last post, first rate ≈ last rate"));

        var ledger = results.ledger();
        rows.add(ledger == null
                ? new Row("Evidence: ledger appends during the storm", NOT_MEASURED, "keeps pace: lag 0 within 10 s of the storm's end", "", null)
                : new Row("Evidence: ledger appends during the storm",
                        String.format(Locale.ROOT, "%s appends/s; lag 0 %s after the last post",
                                ledger.appendsPerSec() == null ? "–" : perSec(ledger.appendsPerSec()),
                                ledger.lagSecondsAfterStorm() == null ? "not reached" : seconds(ledger.lagSecondsAfterStorm())),
                        "keeps pace: lag 0 within 10 s of the storm's end", "",
                        ledger.lagSecondsAfterStorm() != null && ledger.lagSecondsAfterStorm() <= 10));

        for (ServiceFootprint service : results.services()) {
            rows.add(new Row(service.name() + ": start, RSS at rest / peak",
                    String.format(Locale.ROOT, "ready in %s, %s / %s MiB", seconds(service.startSeconds()), mib(service.rssMiBIdle()),
                            mib(service.rssMiBPeak())),
                    "ready ≤ 3 s, ≤ 300 MB under load", "",
                    service.rssMiBPeak() != null && service.startSeconds() <= 3 && service.rssMiBPeak() * 1_048_576 <= 300_000_000));
        }
        return rows;
    }

    private static Row stormRow(String name, StormResult storm, String target) {
        if (storm == null) {
            return new Row(name, NOT_MEASURED, target, "", null);
        }
        String measure = String.format(Locale.ROOT, "%s: %s alerts over %s grouping key%s", name, count(storm.alerts()), count(storm.keys()),
                storm.keys() == 1 ? "" : "s");
        double afterLastPost = storm.seconds() - storm.postingSeconds();
        StringBuilder result = new StringBuilder();
        if (storm.completed()) {
            result.append(String.format(Locale.ROOT, "all applied %s after the first post, %s after the last", seconds(storm.seconds()),
                    seconds(afterLastPost)));
        } else {
            result.append(String.format(Locale.ROOT, "gave up %s after the first post: %s of %s applied", seconds(storm.seconds()),
                    count(storm.applied()), count(storm.accepted())));
        }
        result.append(String.format(Locale.ROOT, "; %s incident%s, %s lost; posting took %s", count(storm.incidents()),
                storm.incidents() == 1 ? "" : "s", count(storm.lost()), seconds(storm.postingSeconds())));
        if (storm.keys() == 1) {
            result.append(String.format(Locale.ROOT, "; %s alerts/s over the first %s, %s over the last %s",
                    storm.firstRatePerSec() == null ? "–" : perSec(storm.firstRatePerSec()), count(storm.rateWindow()),
                    storm.lastRatePerSec() == null ? "–" : perSec(storm.lastRatePerSec()), count(storm.rateWindow())));
        }
        boolean met = storm.completed() && storm.lost() == 0 && storm.incidents() == storm.keys() && afterLastPost <= 10;
        if (storm.keys() == 1) {
            met &= storm.firstRatePerSec() != null && storm.lastRatePerSec() != null
                    && storm.lastRatePerSec() >= 0.8 * storm.firstRatePerSec();
        }
        return new Row(measure, result.toString(), target, "", met);
    }

    private static String perSec(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String millis(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%,.1f", value);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%,.1f s", value);
    }

    private static String mib(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.0f", value);
    }
}
