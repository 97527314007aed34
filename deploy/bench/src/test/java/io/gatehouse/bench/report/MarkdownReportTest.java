package io.gatehouse.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void intakeStandsBesideTheRawLimitAndItsShareOfIt() {
        List<MarkdownReport.Row> rows = MarkdownReport.rows(ResultsFixtures.measured());

        MarkdownReport.Row intake = row(rows, "Intake");
        assertThat(intake.result()).isEqualTo("25,000 alerts/s (25.0 % of raw)");
        assertThat(intake.rawLimit()).isEqualTo("100,000 records/s");
        assertThat(intake.target()).isEqualTo("≥ 50 % of raw and ≥ 20,000 alerts/s");
        assertThat(intake.met()).isFalse();
        assertThat(row(rows, "Raw limit").result()).isEqualTo("100,000 records/s");
    }

    @Test
    void eachFigureIsJudgedAgainstItsTarget() {
        List<MarkdownReport.Row> rows = MarkdownReport.rows(ResultsFixtures.measured());

        assertThat(row(rows, "Webhook").met()).isTrue();
        assertThat(row(rows, "Alert → SeverityClassified").met()).isTrue();
        // All applied 8 s after the last post, one incident per key, nothing lost.
        assertThat(row(rows, "Storm: 100,000 alerts over 1,000").met()).isTrue();
        assertThat(row(rows, "One-key storm").met()).isFalse();
        assertThat(row(rows, "One-key storm").result()).contains("gave up", "99,000 of 100,000 applied", "1,000 lost",
                "4,000 alerts/s over the first 10,000, 3,900 over the last 10,000");
        assertThat(row(rows, "Evidence").met()).isTrue();
        assertThat(row(rows, "intake-service").met()).isTrue();
        assertThat(row(rows, "incident-service").met()).isFalse();
    }

    @Test
    void theTableHasARowPerMeasureAndSaysHowTheRunWasMade() {
        String markdown = MarkdownReport.render(ResultsFixtures.measured());

        assertThat(markdown).contains("| Measure | Result | Target | Raw limit | Meets target |",
                "A full run on 2026-12-01T06:00:00Z: 2 cores, Java 17.0.15, commit abc1234");
        // raw, intake, webhook, severity, two storms, evidence, two services
        assertThat(markdown.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| Measure")).count()).isEqualTo(9);
    }

    @Test
    void whatWasNotMeasuredSaysSoAndTheNotesSayWhy() {
        String markdown = MarkdownReport.render(ResultsFixtures.failed());

        assertThat(markdown).contains("A quick (1/10 volume) run", "| Intake: alerts.inbound → AlertReceived | not measured |",
                "- 1/7 raw limit failed: the broker is gone");
    }

    private static MarkdownReport.Row row(List<MarkdownReport.Row> rows, String measure) {
        return rows.stream().filter(r -> r.measure().startsWith(measure)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + measure + " in " + rows));
    }
}
