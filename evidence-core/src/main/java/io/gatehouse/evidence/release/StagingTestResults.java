package io.gatehouse.evidence.release;

import io.gatehouse.events.CoverageSummary;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.TestReportSummary;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * staging-test-results.json: each test suite run against staging, its latest report and the ones it superseded, and
 * the coverage. Counts are intake-service's, recomputed from the test cases; the totals add up the latest report of
 * each suite.
 *
 * @param suites smoke, acceptance and regression always (MISSING when no report came), then any other suite by name
 */
record StagingTestResults(String releaseId, boolean happened, String statement, Totals totals, List<Suite> suites, Coverage coverage) {

    /** The suites protocol 14 runs on staging. */
    static final List<String> SUITES = List.of("smoke", "acceptance", "regression");

    /** @param passRate passed / (passed + failures + errors); null when no test ran */
    record Totals(int tests, int passed, int failures, int errors, int skipped, Double passRate) {
    }

    /** @param status PASSED, FAILED (a failure or an error), EMPTY (no test case) or MISSING (no report) */
    record Suite(String suite, String status, TestRun latest, List<TestRun> superseded) {
    }

    record TestRun(Results.Received received, int tests, int passed, int failures, int errors, int skipped, List<String> failedTests,
                   List<String> warnings) {
    }

    /** @param status MEASURED, NOT_EVALUATED (the report has no ratio: no units, or NaN) or MISSING (no report) */
    record Coverage(String status, Measured latest, List<Measured> superseded) {
    }

    /** @param ratio covered / (covered + missed); null when the report does not evaluate it */
    record Measured(Results.Received received, String format, String counter, long covered, long missed, Double ratio) {
    }

    static StagingTestResults of(SubjectHistory history) {
        Map<String, List<Recorded<RehearsalResultReceived>>> bySuite = Results.byScope(
                Results.of(history, RehearsalResultKind.TEST_REPORT, TestReportSummary.class),
                r -> Results.summary(r, TestReportSummary.class).getSuite());
        List<String> names = new ArrayList<>(SUITES);
        bySuite.keySet().stream().filter(s -> !SUITES.contains(s)).forEach(names::add);
        List<Suite> suites = names.stream().map(name -> suite(name, Results.withSuccessors(bySuite.getOrDefault(name, List.of()),
                StagingTestResults::testRun))).toList();
        List<Measured> coverage = Results.withSuccessors(Results.of(history, RehearsalResultKind.COVERAGE, CoverageSummary.class),
                StagingTestResults::measured);
        Measured latestCoverage = Results.latest(coverage);
        Totals totals = totals(suites);
        boolean happened = suites.stream().anyMatch(s -> s.latest() != null) || latestCoverage != null;
        return new StagingTestResults(history.subject(), happened, statement(suites, totals, latestCoverage), totals, suites,
                new Coverage(latestCoverage == null ? "MISSING" : latestCoverage.ratio() == null ? "NOT_EVALUATED" : "MEASURED", latestCoverage,
                        Results.superseded(coverage)));
    }

    private static Suite suite(String name, List<TestRun> runs) {
        TestRun latest = Results.latest(runs);
        String status = latest == null ? "MISSING" : latest.failures() + latest.errors() > 0 ? "FAILED" : latest.tests() == 0 ? "EMPTY" : "PASSED";
        return new Suite(name, status, latest, Results.superseded(runs));
    }

    private static TestRun testRun(Recorded<RehearsalResultReceived> result, String supersededBy) {
        TestReportSummary t = Results.summary(result, TestReportSummary.class);
        return new TestRun(Results.Received.of(result, supersededBy), t.getTests(),
                t.getTests() - t.getFailures() - t.getErrors() - t.getSkipped(), t.getFailures(), t.getErrors(), t.getSkipped(),
                List.copyOf(t.getFailedTests()), List.copyOf(t.getWarnings()));
    }

    private static Measured measured(Recorded<RehearsalResultReceived> result, String supersededBy) {
        CoverageSummary c = Results.summary(result, CoverageSummary.class);
        return new Measured(Results.Received.of(result, supersededBy), c.getFormat(), c.getCounter(), c.getCovered(), c.getMissed(), c.getRatio());
    }

    private static Totals totals(List<Suite> suites) {
        List<TestRun> latest = suites.stream().map(Suite::latest).filter(Objects::nonNull).toList();
        int passed = latest.stream().mapToInt(TestRun::passed).sum();
        int failures = latest.stream().mapToInt(TestRun::failures).sum();
        int errors = latest.stream().mapToInt(TestRun::errors).sum();
        int ran = passed + failures + errors;
        return new Totals(latest.stream().mapToInt(TestRun::tests).sum(), passed, failures, errors, latest.stream().mapToInt(TestRun::skipped).sum(),
                ran == 0 ? null : Math.round(passed * 10_000.0 / ran) / 10_000.0);
    }

    private static String statement(List<Suite> suites, Totals totals, Measured coverage) {
        List<String> parts = new ArrayList<>();
        suites.forEach(s -> parts.add(s.suite() + " " + s.status().toLowerCase(Locale.ROOT)));
        String tests = totals.tests() + " test(s): " + totals.passed() + " passed, " + totals.failures() + " failed, " + totals.errors()
                + " errored, " + totals.skipped() + " skipped (" + String.join(", ", parts) + ").";
        String covered = coverage == null ? " No coverage report."
                : coverage.ratio() == null ? " Coverage not evaluated by the report."
                : " " + coverage.counter() + " coverage " + String.format(Locale.ROOT, "%.4f", coverage.ratio()) + ".";
        return tests + covered;
    }
}
