package io.gatehouse.intake.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.events.ConfigSnapshot;
import io.gatehouse.events.CoverageSummary;
import io.gatehouse.events.DataRefresh;
import io.gatehouse.events.LicenseAudit;
import io.gatehouse.events.ObservabilityBaseline;
import io.gatehouse.events.OperationalReadiness;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.SecurityScanSummary;
import io.gatehouse.events.TestReportSummary;
import io.gatehouse.events.UpstreamArtifact;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.coverage.CoverageCounter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each kind reaches its parser, and what it parses to: format, media type, scope and summary type. */
class ResultParsingTest {

    private final ResultParsing parsing = new ResultParsing(CoverageCounter.LINE);

    @Test
    void eachKindIsParsedByItsParserIntoItsSummaryWithItsFormatMediaTypeAndScope() {
        Set<ResultKind> covered = EnumSet.noneOf(ResultKind.class);

        assertParsed(covered, ResultKind.TEST_REPORT, "smoke", null, "<testsuite name=\"s\"><testcase name=\"t\"/></testsuite>",
                "junit", "application/xml", "smoke", TestReportSummary.class);
        assertParsed(covered, ResultKind.COVERAGE, null, null, "<coverage line-rate=\"1\"/>", "cobertura", "application/xml", null, CoverageSummary.class);
        assertParsed(covered, ResultKind.SECURITY_SCAN, null, null, "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"Trivy\"}}}]}",
                "sarif-2.1.0", "application/sarif+json", "Trivy", SecurityScanSummary.class);
        assertParsed(covered, ResultKind.CONFIG_SNAPSHOT, null, "staging", "environment: staging\nentries: []\n",
                "yaml", "application/yaml", "staging", ConfigSnapshot.class);
        String run = "{\"status\": \"SUCCEEDED\", \"startedAt\": \"2025-03-01T14:00:00Z\", \"finishedAt\": \"2025-03-01T14:05:00Z\", \"steps\": []";
        assertParsed(covered, ResultKind.DEPLOYMENT_REHEARSAL, null, null, run + ", \"blockingErrors\": 0, \"nonBlockingErrors\": 0}",
                "json", "application/json", null, RehearsalRun.class);
        assertParsed(covered, ResultKind.ROLLBACK_REHEARSAL, null, null, run + "}", "json", "application/json", null, RehearsalRun.class);
        assertParsed(covered, ResultKind.OBSERVABILITY_BASELINE, null, null, "{\"capturedAt\": \"2025-03-01T14:10:00Z\", \"metrics\": {\"p95\": 1}}",
                "json", "application/json", null, ObservabilityBaseline.class);
        assertParsed(covered, ResultKind.OPERATIONAL_READINESS, null, null, "{\"runbooks\": []}", "json", "application/json", null, OperationalReadiness.class);
        assertParsed(covered, ResultKind.UPSTREAM_ARTIFACT, null, null, "{\"name\": \"deploy.sh\", \"sha256\": \"" + "0".repeat(64)
                + "\", \"sizeBytes\": 1, \"uri\": \"file:///deploy.sh\"}", "json", "application/json", "deploy.sh", UpstreamArtifact.class);
        assertParsed(covered, ResultKind.LICENSE_AUDIT, null, null, "{\"status\": \"PASSED\", \"findings\": []}", "json", "application/json", null, LicenseAudit.class);
        assertParsed(covered, ResultKind.DATA_REFRESH, null, null, "{\"refreshedAt\": \"2025-03-01T12:00:00Z\", \"datasets\": []}",
                "json", "application/json", null, DataRefresh.class);

        assertThat(covered).containsExactlyInAnyOrder(ResultKind.values());
    }

    @Test
    void theCoverageCounterComesFromConfiguration() {
        ParsedResult parsed = new ResultParsing(CoverageCounter.BRANCH).parse(ResultAddress.of("r1", ResultKind.COVERAGE, null, null),
                utf8("<report><package name=\"p\"><counter type=\"LINE\" missed=\"0\" covered=\"4\"/><counter type=\"BRANCH\" missed=\"1\" covered=\"1\"/></package></report>"));

        assertThat(((CoverageSummary) parsed.summary()).getRatio()).isEqualTo(0.5);
        assertThat(((CoverageSummary) parsed.summary()).getCounter()).isEqualTo("BRANCH");
    }

    @Test
    void aResultWhoseSummaryWouldNotFitInAnEventIsRefused() {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            entries.append(i == 0 ? "" : ",").append("{\"key\": \"feature.flag.number.").append(i).append("\", \"value\": \"")
                    .append("v".repeat(40)).append("\", \"category\": \"feature-flag\"}");
        }
        byte[] snapshot = utf8("{\"environment\": \"staging\", \"entries\": [" + entries + "]}");

        assertThatThrownBy(() -> parsing.parse(ResultAddress.of("r1", ResultKind.CONFIG_SNAPSHOT, null, "staging"), snapshot))
                .isInstanceOf(RejectedPayload.class)
                .hasMessageContaining("more than the " + ResultParsing.SUMMARY_LIMIT_BYTES + " a result's event may carry")
                .hasMessageContaining("split the result");
    }

    private void assertParsed(Set<ResultKind> covered, ResultKind kind, String suite, String environment, String body,
                              String format, String mediaType, String scope, Class<?> summaryType) {
        ParsedResult parsed = parsing.parse(ResultAddress.of("checkout-2.4.0", kind, suite, environment), utf8(body));
        assertThat(parsed.format()).as(kind + " format").isEqualTo(format);
        assertThat(parsed.mediaType()).as(kind + " media type").isEqualTo(mediaType);
        assertThat(parsed.scope()).as(kind + " scope").isEqualTo(scope);
        assertThat(parsed.summary()).as(kind + " summary").isInstanceOf(summaryType);
        covered.add(kind);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
