package io.gatehouse.intake.results.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.events.TestReportSummary;
import io.gatehouse.infra.corpus.Corpus;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.HostileXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitReportsTest {

    @TempDir
    Path folder;

    @Test
    void everyJUnitReportOfTheCorpusIsCountedFromItsTestCases() throws IOException {
        Path junit = corpus();
        try (Stream<Path> files = Files.list(junit)) {
            assertThat(files.filter(f -> f.toString().endsWith(".xml")).count()).as("reports in the corpus").isEqualTo(6);
        }

        TestReportSummary surefire = parse(junit.resolve("surefire-TEST-EmailAddressTest.xml"));
        assertCounts(surefire, 9, 2, 5, 0);
        assertThat(surefire.getWarnings()).isEmpty();
        assertThat(surefire.getFailedTests()).hasSize(7).allMatch(name -> name.startsWith("action.surefire.report.email.EmailAddressTest."));

        TestReportSummary pytest = parse(junit.resolve("pytest-xunit.xml"));
        assertCounts(pytest, 10, 2, 0, 2);
        assertThat(pytest.getFailedTests()).containsExactly("tests.test_lib.test_always_fail", "tests.test_lib.test_error");
        assertThat(pytest.getWarnings()).singleElement().asString()
                .contains("<testsuite name=\"pytest\"").contains("declares tests=\"15\" but holds 10 test cases");

        TestReportSummary go = parse(junit.resolve("go-junit-report-001-pass-fail-skip.xml"));
        assertCounts(go, 5, 1, 0, 2);
        assertThat(go.getWarnings()).isEmpty();

        TestReportSummary jest = parse(junit.resolve("jest-junit.xml"));
        assertCounts(jest, 6, 4, 0, 1);
        assertThat(jest.getFailedTests()).contains("Test 1 › Test 1.1.Failing test");
        assertThat(jest.getWarnings()).isEmpty();

        TestReportSummary phpunit = parse(junit.resolve("phpunit-nested-testsuites.xml"));
        assertCounts(phpunit, 12, 2, 0, 0);
        assertThat(phpunit.getWarnings()).isEmpty();

        TestReportSummary testng = parse(junit.resolve("testng-pulsar-aggregated-808cases.xml"));
        assertCounts(testng, 808, 1, 0, 14);
        assertThat(testng.getFailedTests()).containsExactly("org.apache.pulsar.AddMissingPatchVersionTest.testVersionStrings");
        assertThat(testng.getWarnings()).isEmpty();
    }

    @Test
    void countsComeFromTheTestCasesAndEveryDeclaredCountThatLiesIsAWarning() {
        TestReportSummary summary = parse("""
                <testsuites tests="3" failures="0" errors="0" skipped="0">
                  <testsuite name="api" tests="3" failures="0" errors="zero" skipped="-1">
                    <testcase classname="ApiTest" name="lists"/>
                    <testcase classname="ApiTest" name="creates"><failure message="expected 201"/></testcase>
                    <testcase classname="ApiTest" name="deletes"><error type="NullPointerException"/></testcase>
                    <testcase classname="ApiTest" name="patches"><skipped/></testcase>
                  </testsuite>
                </testsuites>""");

        assertCounts(summary, 4, 1, 1, 1);
        assertThat(summary.getFailedTests()).containsExactly("ApiTest.creates", "ApiTest.deletes");
        assertThat(summary.getWarnings()).containsExactly(
                "<testsuite name=\"api\"> (line 2) declares tests=\"3\" but holds 4 test cases",
                "<testsuite name=\"api\"> (line 2) declares failures=\"0\" but holds 1 failed test cases",
                "<testsuite name=\"api\"> (line 2) declares errors=\"zero\", which is not a count",
                "<testsuite name=\"api\"> (line 2) declares skipped=\"-1\" but holds 1 skipped test cases",
                "<testsuites> (line 1) declares tests=\"3\" but holds 4 test cases",
                "<testsuites> (line 1) declares failures=\"0\" but holds 1 failed test cases",
                "<testsuites> (line 1) declares errors=\"0\" but holds 1 test cases with an error",
                "<testsuites> (line 1) declares skipped=\"0\" but holds 1 skipped test cases");
    }

    @Test
    void eachDialectsEdgeIsCountedAsItsRunnerMeantIt() {
        // Surefire: a test that failed and then passed on a rerun is flaky, not failed; one that failed on every rerun is failed.
        assertCounts(parse("""
                <testsuite name="S" tests="2" failures="1">
                  <testcase classname="S" name="flaky"><flakyFailure message="first run"/></testcase>
                  <testcase classname="S" name="broken"><failure/><rerunFailure/></testcase>
                </testsuite>"""), 2, 1, 0, 0);
        // pytest: xfail is written as skipped; a test without classname is named by itself.
        TestReportSummary pytest = parse("""
                <testsuites><testsuite name="pytest" tests="2">
                  <testcase name="test_xfail"><skipped type="pytest.xfail"/></testcase>
                  <testcase name="test_plain"><failure/></testcase>
                </testsuite></testsuites>""");
        assertCounts(pytest, 2, 1, 0, 1);
        assertThat(pytest.getFailedTests()).containsExactly("test_plain");
        // PHPUnit: suites nest, and an outer suite counts every test case below it.
        TestReportSummary phpunit = parse("""
                <testsuites><testsuite name="all" tests="3" failures="1">
                  <testsuite name="Unit" tests="2"><testsuite name="Unit\\\\Math" tests="2">
                    <testcase name="adds" class="Math"/><testcase name="divides" class="Math"><failure/></testcase>
                  </testsuite></testsuite>
                  <testsuite name="Feature" tests="1"><testcase name="logs in"/></testsuite>
                </testsuite></testsuites>""");
        assertCounts(phpunit, 3, 1, 0, 0);
        assertThat(phpunit.getWarnings()).isEmpty();
        // A test case with both a failure and an error counts once, as failed.
        assertCounts(parse("<testsuite name=\"t\"><testcase name=\"both\"><failure/><error/></testcase></testsuite>"), 1, 1, 0, 0);
        // A report without test cases is valid, and says so.
        assertThat(parse("<testsuites/>").getWarnings()).containsExactly("the report holds no test cases");
    }

    @Test
    void theSummaryListsAtMostAHundredFailedTestsAndTwentyWarnings() {
        StringBuilder report = new StringBuilder("<testsuites>");
        for (int suite = 0; suite < 30; suite++) {
            report.append("<testsuite name=\"s").append(suite).append("\" tests=\"1\">");
            for (int test = 0; test < 5; test++) {
                report.append("<testcase name=\"t").append(test).append("\"><failure/></testcase>");
            }
            report.append("</testsuite>");
        }
        TestReportSummary summary = parse(report.append("</testsuites>").toString());

        assertThat(summary.getFailures()).isEqualTo(150);
        assertThat(summary.getFailedTests()).hasSize(JUnitReports.FAILED_TESTS_LIMIT);
        assertThat(summary.getWarnings()).hasSize(JUnitReports.WARNINGS_LIMIT + 1)
                .last().asString().isEqualTo("and 10 more declared counts that differ from the test cases");
    }

    @Test
    void brokenReportsAreRefusedSayingWhy() {
        assertRefused("<testsuite name=\"t\"><testcase name=\"a\">", "not well-formed XML");
        assertRefused("<coverage line-rate=\"1\"/>", "the root element is <coverage>; a JUnit XML report has <testsuites> or <testsuite>");
        assertRefused("<testsuite><testcase classname=\"C\"/></testsuite>", "the <testcase> on line 1 has no name attribute");
        assertRefused("<testsuite><testcase name=\"a\"><testcase name=\"b\"/></testcase></testsuite>", "a <testcase> inside another <testcase>");
        assertRefused("{\"tests\": 3}", "not well-formed XML");
    }

    @Test
    void hostileReportsAreRefusedAndNothingOfTheLocalFileAppears() {
        HostileXml hostile = HostileXml.withLocalFileIn(folder);

        assertThatThrownBy(() -> JUnitReports.parse(hostile.externalEntity("testsuite"), "smoke"))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("DTD internal subset").hasMessageNotContaining(hostile.marker());
        assertThatThrownBy(() -> JUnitReports.parse(HostileXml.entityExpansion("testsuites"), "smoke"))
                .isInstanceOf(RejectedPayload.class).hasMessageContaining("DTD internal subset");
        TestReportSummary withExternalDtd = JUnitReports.parse(hostile.externalDtd("testsuite", "<testsuite><testcase name=\"a\"/></testsuite>"), "smoke");
        assertThat(withExternalDtd.getTests()).isEqualTo(1);
        assertThat(withExternalDtd.toString()).doesNotContain(hostile.marker());
    }

    private static void assertCounts(TestReportSummary summary, int tests, int failures, int errors, int skipped) {
        assertThat(List.of(summary.getTests(), summary.getFailures(), summary.getErrors(), summary.getSkipped()))
                .as("tests, failures, errors, skipped").containsExactly(tests, failures, errors, skipped);
    }

    private static void assertRefused(String report, String context) {
        assertThatThrownBy(() -> parse(report)).as(report).isInstanceOf(RejectedPayload.class)
                .satisfies(refused -> {
                    assertThat(((RejectedPayload) refused).report().failed()).isEqualTo("test-report payload");
                    assertThat(((RejectedPayload) refused).report().context()).contains(context);
                });
    }

    private static TestReportSummary parse(String report) {
        TestReportSummary summary = JUnitReports.parse(report.getBytes(StandardCharsets.UTF_8), "regression");
        assertThat(summary.getSuite()).isEqualTo("regression");
        return summary;
    }

    private static TestReportSummary parse(Path file) throws IOException {
        return JUnitReports.parse(Files.readAllBytes(file), "acceptance");
    }

    private static Path corpus() {
        Optional<Path> folder = Corpus.folder("junit");
        assumeTrue(folder.isPresent(), () -> Corpus.absent("junit"));
        return folder.get();
    }
}
