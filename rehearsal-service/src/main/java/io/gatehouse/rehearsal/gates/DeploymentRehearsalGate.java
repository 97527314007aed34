package io.gatehouse.rehearsal.gates;

import io.gatehouse.events.CoverageSummary;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.RehearsalStep;
import io.gatehouse.events.RunStatus;
import io.gatehouse.events.TestReportSummary;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gate 2 of protocol 14, deployment rehearsal: the staging deployment rehearsal succeeded with no more blocking errors
 * than the policy allows (0), every test case of the required suites (smoke, acceptance, regression) passed, and
 * coverage reaches the policy's minimum. No waiver: the protocol forbids one.
 *
 * <p>Reads: results DEPLOYMENT_REHEARSAL, TEST_REPORT (the newest of each required suite) and COVERAGE. A skipped test
 * case is not a failure; a required suite that reported no test case at all is.
 */
public final class DeploymentRehearsalGate {

    public static final int NUMBER = 2;
    public static final String NAME = "Deployment rehearsal";

    /** Failed tests named in a condition; the test results artifact names them all. */
    private static final int TESTS_NAMED = 5;

    private DeploymentRehearsalGate() {
    }

    public static GateVerdict evaluate(ReleaseInputs inputs, ReleasePolicy policy) {
        ReleasePolicy.DeploymentRehearsal thresholds = policy.deploymentRehearsal();
        Measurement m = new Measurement()
                .requires("deploymentSucceeded", "= 1")
                .requires("blockingErrors", "<= " + thresholds.maxBlockingErrors())
                .requires("testsTotal", "> 0 in each of " + String.join(", ", thresholds.requiredSuites()))
                .requires("testsFailed", "= 0")
                .requires("coverage", ">= " + Numbers.format(thresholds.minCoverage()));
        measureDeployment(inputs, thresholds, m);
        measureTests(inputs, thresholds, m);
        measureCoverage(inputs, thresholds, m);
        return m.verdict(NUMBER, NAME, false);
    }

    /** Whether the current deployment rehearsal succeeded: half of the hard rule's rehearsals. */
    public static boolean deploymentSucceeded(ReleaseInputs inputs) {
        return inputs.latest(RehearsalResultKind.DEPLOYMENT_REHEARSAL).flatMap(r -> r.summary(RehearsalRun.class))
                .map(run -> run.getStatus() == RunStatus.SUCCEEDED).orElse(false);
    }

    private static void measureDeployment(ReleaseInputs inputs, ReleasePolicy.DeploymentRehearsal thresholds, Measurement m) {
        Optional<Result> deployment = inputs.latest(RehearsalResultKind.DEPLOYMENT_REHEARSAL);
        if (deployment.isEmpty()) {
            m.missing("no deployment rehearsal result yet");
            return;
        }
        m.cites(deployment.get().eventId());
        RehearsalRun run = deployment.get().summary(RehearsalRun.class).orElseThrow();
        boolean succeeded = run.getStatus() == RunStatus.SUCCEEDED;
        m.measured("deploymentSucceeded", succeeded);
        if (!succeeded) {
            List<String> failedSteps = run.getSteps().stream().filter(s -> s.getStatus() == RunStatus.FAILED).map(RehearsalStep::getName).toList();
            m.unmet("the deployment rehearsal on staging FAILED" + (failedSteps.isEmpty() ? "" : " at " + String.join(", ", failedSteps)));
        }
        if (run.getBlockingErrors() == null) {
            m.missing("the deployment rehearsal did not report its blocking errors");
        } else {
            m.measured("blockingErrors", run.getBlockingErrors());
            if (run.getBlockingErrors() > thresholds.maxBlockingErrors()) {
                m.unmet(run.getBlockingErrors() + " blocking errors in the deployment rehearsal (at most " + thresholds.maxBlockingErrors() + ")");
            }
        }
    }

    private static void measureTests(ReleaseInputs inputs, ReleasePolicy.DeploymentRehearsal thresholds, Measurement m) {
        List<TestReportSummary> reports = new ArrayList<>();
        for (String suite : thresholds.requiredSuites()) {
            Optional<Result> report = inputs.currentOf(RehearsalResultKind.TEST_REPORT).stream()
                    .filter(r -> r.summary(TestReportSummary.class).map(s -> s.getSuite().equals(suite)).orElse(false))
                    .reduce((a, b) -> b.receivedAt().isBefore(a.receivedAt()) ? a : b);
            if (report.isEmpty()) {
                m.missing("no " + suite + " test report yet");
                continue;
            }
            m.cites(report.get().eventId());
            TestReportSummary summary = report.get().summary(TestReportSummary.class).orElseThrow();
            reports.add(summary);
            if (summary.getTests() == 0) {
                m.unmet("the " + suite + " suite reported no test cases");
            }
        }
        if (reports.size() < thresholds.requiredSuites().size()) {
            return;
        }
        int total = reports.stream().mapToInt(TestReportSummary::getTests).sum();
        int failed = reports.stream().mapToInt(r -> r.getFailures() + r.getErrors()).sum();
        m.measured("testsTotal", total);
        m.measured("testsFailed", failed);
        for (TestReportSummary report : reports) {
            int failedHere = report.getFailures() + report.getErrors();
            if (failedHere > 0) {
                String names = report.getFailedTests().stream().limit(TESTS_NAMED).collect(Collectors.joining(", "));
                m.unmet(failedHere + " of " + report.getTests() + " " + report.getSuite() + " tests failed"
                        + (names.isEmpty() ? "" : ": " + names + (failedHere > TESTS_NAMED ? " and " + (failedHere - TESTS_NAMED) + " more" : "")));
            }
        }
    }

    private static void measureCoverage(ReleaseInputs inputs, ReleasePolicy.DeploymentRehearsal thresholds, Measurement m) {
        Optional<Result> coverage = inputs.latest(RehearsalResultKind.COVERAGE);
        if (coverage.isEmpty()) {
            m.missing("no coverage report yet");
            return;
        }
        m.cites(coverage.get().eventId());
        CoverageSummary summary = coverage.get().summary(CoverageSummary.class).orElseThrow();
        if (summary.getRatio() == null) {
            m.missing("the coverage report does not evaluate its " + summary.getCounter() + " counter (no units, or NaN)");
            return;
        }
        m.measured("coverage", summary.getRatio());
        if (summary.getRatio() < thresholds.minCoverage()) {
            m.unmet(summary.getCounter() + " coverage " + Numbers.format(summary.getRatio()) + " is below " + Numbers.format(thresholds.minCoverage()));
        }
    }
}
