package io.gatehouse.intake.results.sarif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.events.FindingSeverity;
import io.gatehouse.events.SecurityFinding;
import io.gatehouse.events.SecurityScanSummary;
import io.gatehouse.infra.corpus.Corpus;
import io.gatehouse.intake.rejection.RejectedPayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SarifScansTest {

    @Test
    void everySarifLogOfTheCorpusIsReadWhateverItsScannerAndSchema() throws IOException {
        Path sarif = corpus();
        try (Stream<Path> files = Files.list(sarif)) {
            assertThat(files.filter(f -> f.toString().endsWith(".sarif")).count()).as("logs in the corpus").isEqualTo(6);
        }

        // Trivy: rules carry security-severity 5.3, which outranks the results' level warning.
        assertScan(sarif, "trivy-alpine-310.sarif", "Trivy", 4, counts(0, 0, 4, 0, 0), 0);
        // Grype: no level anywhere; the rules' numeric security-severity decides, 2.1 to 9.8.
        assertScan(sarif, "grype-0.34.7-cxf-3.4.6.sarif", "Grype", 22, counts(0, 6, 4, 11, 1), 12);
        // Semgrep: security-severity in words (CRITICAL/HIGH/MEDIUM) on the rules.
        assertScan(sarif, "semgrep-1.69.0-issue_10191.sarif", "Semgrep OSS", 77, counts(0, 0, 42, 1, 34), 35);
        // Flawfinder, with a pre-release $schema (rtm.5): explicit levels, one result of kind pass, one without level.
        assertScan(sarif, "flawfinder-2.0.19.sarif", "Flawfinder", 54, counts(1, 50, 1, 2, 0), 2);
        // Dockle: levels only, no tool version.
        SecurityScanSummary dockle = assertScan(sarif, "dockle-0.3.15.sarif", "Dockle", 4, counts(0, 3, 0, 1, 0), 1);
        assertThat(dockle.getTools()).containsExactly("Dockle");
        // CodeQL: results refer to rules by index; the rules' default levels decide.
        SecurityScanSummary codeql = assertScan(sarif, "codeql-2.5.4-output.sarif", "CodeQL", 72, counts(0, 57, 4, 11, 0), 11);
        assertThat(codeql.getTools()).containsExactly("CodeQL 2.5.4");
        assertThat(codeql.getBlockingFindings()).hasSize(11).allSatisfy(finding -> {
            assertThat(finding.getSeverity()).isEqualTo(FindingSeverity.HIGH);
            assertThat(finding.getSuppressed()).isFalse();
            assertThat(finding.getLocation()).matches(".+:\\d+");
            assertThat(finding.getMessage()).isNotBlank();
        });
    }

    @Test
    void suppressedResultsAreWaivedInTheScanCountedButNeverBlocking() {
        SarifScans.ParsedScan scan = SarifScans.parse(log("""
                {"ruleId": "SQLI", "level": "error", "message": {"text": "accepted"}, "suppressions": [{"kind": "external", "status": "accepted"}]},
                {"ruleId": "SQLI", "level": "error", "message": {"text": "status absent"}, "suppressions": [{"kind": "inSource"}]},
                {"ruleId": "SQLI", "level": "error", "message": {"text": "rejected"}, "suppressions": [{"kind": "external", "status": "rejected"}]},
                {"ruleId": "SQLI", "level": "error", "message": {"text": "under review"}, "suppressions": [{"status": "accepted"}, {"status": "underReview"}]},
                {"ruleId": "SQLI", "level": "error", "message": {"text": "empty"}, "suppressions": []},
                {"ruleId": "XSS", "level": "note", "message": {"text": "low and suppressed"}, "suppressions": [{"kind": "inSource"}]}
                """));
        SecurityScanSummary summary = scan.summary();

        assertThat(summary.getFindings()).isEqualTo(6);
        assertThat(summary.getSuppressed()).isEqualTo(3);
        assertThat(summary.getBlocking()).isEqualTo(3);
        assertThat(summary.getCountsBySeverity()).containsEntry("HIGH", 3).containsEntry("LOW", 0);
        assertThat(summary.getBlockingFindings()).extracting(SecurityFinding::getMessage, SecurityFinding::getSuppressed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rejected", false), org.assertj.core.groups.Tuple.tuple("under review", false),
                org.assertj.core.groups.Tuple.tuple("empty", false), org.assertj.core.groups.Tuple.tuple("accepted", true),
                org.assertj.core.groups.Tuple.tuple("status absent", true));
        assertThat(scan.scanners()).isEqualTo("Scanner");
    }

    @Test
    void rulesAreFoundByIndexInTheDriverOrAnExtensionAndByIdIncludingHierarchicalIds() {
        SecurityScanSummary summary = SarifScans.parse(utf8("""
                {"version": "2.1.0", "runs": [{
                  "tool": {"driver": {"name": "Scanner", "rules": [
                      {"id": "A", "properties": {"security-severity": "9.1"}},
                      {"id": "B", "defaultConfiguration": {"level": "note"}}]},
                    "extensions": [{"name": "pack", "rules": [{"id": "X", "properties": {"security-severity": "7.2"}}]}]},
                  "results": [
                    {"ruleIndex": 0, "message": {"text": "by index"}},
                    {"rule": {"index": 0, "toolComponent": {"index": 0}}, "message": {"text": "by extension index"}},
                    {"ruleId": "B", "message": {"text": "by id"}},
                    {"ruleId": "A/42", "message": {"text": "by hierarchical id"}},
                    {"rule": {"id": "X"}, "message": {"text": "by id in an extension"}},
                    {"ruleId": "unknown", "message": {"text": "no rule"}}
                  ]}]}""")).summary();

        assertThat(summary.getBlockingFindings()).extracting(SecurityFinding::getMessage, SecurityFinding::getSeverity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("by index", FindingSeverity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("by hierarchical id", FindingSeverity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("by extension index", FindingSeverity.HIGH),
                org.assertj.core.groups.Tuple.tuple("by id in an extension", FindingSeverity.HIGH));
        assertThat(summary.getCountsBySeverity()).containsEntry("LOW", 1).containsEntry("MEDIUM", 1);
    }

    @Test
    void theBlockingFindingsListedAreCappedTheBlockingOnesFirstButAllAreCounted() {
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            results.append(i == 0 ? "" : ",").append("{\"ruleId\": \"W\", \"level\": \"error\", \"message\": {\"text\": \"waived ")
                    .append(i).append("\"}, \"suppressions\": [{}]}");
        }
        for (int i = 0; i < 120; i++) {
            results.append(",{\"ruleId\": \"B\", \"level\": \"error\", \"message\": {\"text\": \"").append("x".repeat(800)).append("\"}}");
        }
        SecurityScanSummary summary = SarifScans.parse(log(results.toString())).summary();

        assertThat(summary.getBlocking()).isEqualTo(120);
        assertThat(summary.getSuppressed()).isEqualTo(150);
        assertThat(summary.getBlockingFindings()).hasSize(SarifScans.FINDINGS_LIMIT).allSatisfy(finding -> {
            assertThat(finding.getSuppressed()).isFalse();
            assertThat(finding.getMessage()).hasSize(503).endsWith("...");
        });
    }

    @Test
    void aLogOfSeveralRunsNamesEachScannerAndItsScopeIsTheScanners() {
        SarifScans.ParsedScan scan = SarifScans.parse(utf8("""
                {"$schema": "https://json.schemastore.org/sarif-2.1.0-rtm.4.json", "version": "2.1.0", "runs": [
                  {"tool": {"driver": {"name": "Trivy", "version": "0.50.1"}}, "results": []},
                  {"tool": {"driver": {"name": "CodeQL", "semanticVersion": "2.16.0"}}, "results": null},
                  {"tool": {"driver": {"name": "Trivy", "version": "0.50.1"}}}
                ]}"""));

        assertThat(scan.summary().getTools()).containsExactly("Trivy 0.50.1", "CodeQL 2.16.0", "Trivy 0.50.1");
        assertThat(scan.summary().getFindings()).isZero();
        assertThat(scan.summary().getCountsBySeverity()).containsOnlyKeys("NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL");
        assertThat(scan.scanners()).isEqualTo("CodeQL, Trivy");
    }

    @Test
    void aLogWithoutVersionIsReadWhenItsSchemaNames210() {
        assertThat(SarifScans.parse(utf8("{\"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json\", "
                + "\"runs\": []}")).summary().getFindings()).isZero();
    }

    @Test
    void whatIsNotASarif210LogIsRefusedSayingWhy() {
        assertRefused("{\"version\": \"2.0.0\", \"runs\": []}", "version is \"2.0.0\"; Gatehouse reads SARIF 2.1.0");
        assertRefused("{\"runs\": []}", "version is missing and $schema does not name SARIF 2.1.0");
        assertRefused("{\"version\": \"2.1.0\"}", "runs is missing");
        assertRefused("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}", "runs[0].tool.driver is missing");
        assertRefused("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"S\"}}, \"results\": [null]}]}", "runs[0].results[0] is null");
        assertRefused("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"S\"}}, \"results\": [{\"ruleIndex\": \"first\"}]}]}",
                "at runs[0].results[0].ruleIndex");
        assertRefused("{\"version\": \"2.1.0\", \"runs\": [", "the body is not a SARIF log");
        assertRefused("<sarif/>", "the body is not a SARIF log");
        assertRefused("null", "JSON null");
        assertRefused("{\"version\": \"2.1.0\", \"version\": \"2.1.0\", \"runs\": []}", "Duplicate field 'version'");
    }

    private static SecurityScanSummary assertScan(Path folder, String file, String scanner, int findings, Map<String, Integer> counts, int blocking)
            throws IOException {
        SarifScans.ParsedScan scan = SarifScans.parse(Files.readAllBytes(folder.resolve(file)));
        SecurityScanSummary summary = scan.summary();
        assertThat(scan.scanners()).as(file).isEqualTo(scanner);
        assertThat(summary.getFindings()).as(file).isEqualTo(findings);
        assertThat(summary.getCountsBySeverity()).as(file).isEqualTo(counts);
        assertThat(summary.getBlocking()).as(file).isEqualTo(blocking);
        assertThat(summary.getSuppressed()).as(file).isZero();
        assertThat(summary.getBlockingFindings()).as(file).hasSize(Math.min(blocking, SarifScans.FINDINGS_LIMIT));
        return summary;
    }

    private static Map<String, Integer> counts(int none, int low, int medium, int high, int critical) {
        return Map.of("NONE", none, "LOW", low, "MEDIUM", medium, "HIGH", high, "CRITICAL", critical);
    }

    private static byte[] log(String results) {
        return utf8("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"Scanner\"}}, \"results\": [" + results + "]}]}");
    }

    private static void assertRefused(String body, String context) {
        assertThatThrownBy(() -> SarifScans.parse(utf8(body))).as(body).isInstanceOf(RejectedPayload.class)
                .satisfies(refused -> {
                    assertThat(((RejectedPayload) refused).report().failed()).isEqualTo("security-scan payload");
                    assertThat(((RejectedPayload) refused).report().context()).contains(context);
                });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Path corpus() {
        Optional<Path> folder = Corpus.folder("sarif");
        assumeTrue(folder.isPresent(), () -> Corpus.absent("sarif"));
        return folder.get();
    }

    static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.filter(f -> f.toString().endsWith(".sarif")).sorted().toList();
        }
    }
}
