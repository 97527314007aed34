package io.gatehouse.rehearsal.gates;

import static io.gatehouse.rehearsal.TestResults.T0;
import static io.gatehouse.rehearsal.TestResults.coverage;
import static io.gatehouse.rehearsal.TestResults.deployment;
import static io.gatehouse.rehearsal.TestResults.tests;
import static io.gatehouse.rehearsal.gates.TestRelease.ID;
import static io.gatehouse.rehearsal.gates.TestRelease.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.RunStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeploymentRehearsalGateTest {

    private static final Instant LATER = T0.plusSeconds(600);

    @Test
    void aSuccessfulRehearsalWithEveryTestPassedAndEnoughCoveragePasses() {
        GateVerdict verdict = DeploymentRehearsalGate.evaluate(TestRelease.registered().rehearsed().inputs(), POLICY);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(verdict.metrics()).containsEntry("deploymentSucceeded", 1.0).containsEntry("blockingErrors", 0.0)
                .containsEntry("testsTotal", 120.0).containsEntry("testsFailed", 0.0).containsEntry("coverage", 0.93);
        assertThat(verdict.evidenceEventIds()).hasSize(1 + 3 + 1);
    }

    @Test
    void coverageExactlyAtTheMinimumPassesAndJustUnderFails() {
        assertThat(withCoverage(0.90).outcome()).isEqualTo(GateOutcome.PASSED);

        GateVerdict justUnder = withCoverage(0.8999);
        assertThat(justUnder.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(justUnder.unmetConditions()).containsExactly("LINE coverage 0.8999 is below 0.9");
        assertThat(justUnder.metrics()).containsEntry("coverage", 0.8999);
    }

    @Test
    void aCoverageReportThatEvaluatesNothingLeavesTheGateNotEvaluated() {
        GateVerdict verdict = withCoverage(null);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.NOT_EVALUATED);
        assertThat(verdict.metrics()).doesNotContainKey("coverage");
        assertThat(verdict.unmetConditions()).containsExactly("the coverage report does not evaluate its LINE counter (no units, or NaN)");
    }

    @Test
    void noBlockingErrorPassesAndOneFails() {
        GateVerdict one = DeploymentRehearsalGate.evaluate(
                TestRelease.registered().rehearsed().receive(deployment(ID, RunStatus.SUCCEEDED, 1, LATER)).inputs(), POLICY);

        assertThat(one.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(one.metrics()).containsEntry("blockingErrors", 1.0).containsEntry("deploymentSucceeded", 1.0);
        assertThat(one.unmetConditions()).containsExactly("1 blocking errors in the deployment rehearsal (at most 0)");
    }

    @Test
    void aFailedRehearsalFailsAndNamesItsFailedSteps() {
        GateVerdict verdict = DeploymentRehearsalGate.evaluate(
                TestRelease.registered().rehearsed().receive(deployment(ID, RunStatus.FAILED, 0, LATER)).inputs(), POLICY);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.unmetConditions()).containsExactly("the deployment rehearsal on staging FAILED at apply");
    }

    @Test
    void aRehearsalThatDoesNotCountItsBlockingErrorsIsNotEvaluated() {
        GateVerdict verdict = DeploymentRehearsalGate.evaluate(
                TestRelease.registered().rehearsed().receive(deployment(ID, RunStatus.SUCCEEDED, null, LATER)).inputs(), POLICY);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.NOT_EVALUATED);
        assertThat(verdict.metrics()).doesNotContainKey("blockingErrors");
    }

    @Test
    void aFailedTestFailsTheGateAndIsNamed() {
        GateVerdict verdict = DeploymentRehearsalGate.evaluate(
                TestRelease.registered().rehearsed().receive(tests(ID, "regression", 40, 2, LATER)).inputs(), POLICY);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.metrics()).containsEntry("testsTotal", 120.0).containsEntry("testsFailed", 2.0);
        assertThat(verdict.unmetConditions())
                .containsExactly("2 of 40 regression tests failed: com.example.CheckoutIT.case1, com.example.CheckoutIT.case2");
    }

    @Test
    void aNewerReportOfTheSameSuiteSupersedesTheFailedOne() {
        GateVerdict verdict = DeploymentRehearsalGate.evaluate(TestRelease.registered().rehearsed()
                .receive(tests(ID, "smoke", 10, 3, LATER), tests(ID, "smoke", 10, 0, LATER.plusSeconds(1))).inputs(), POLICY);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(verdict.metrics()).containsEntry("testsTotal", 90.0);
    }

    @Test
    void aRequiredSuiteWithoutTestCasesFails() {
        GateVerdict verdict = DeploymentRehearsalGate.evaluate(
                TestRelease.registered().rehearsed().receive(tests(ID, "acceptance", 0, 0, LATER)).inputs(), POLICY);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.unmetConditions()).containsExactly("the acceptance suite reported no test cases");
    }

    @Test
    void aMissingSuiteLeavesTheGateNotEvaluatedEvenWhenSomethingAlreadyFailed() {
        GateVerdict verdict = DeploymentRehearsalGate.evaluate(TestRelease.registered()
                .receive(deployment(ID, RunStatus.FAILED, 3, T0), tests(ID, "smoke", 5, 0, T0), tests(ID, "acceptance", 5, 0, T0),
                        coverage(ID, 0.95, T0))
                .inputs(), POLICY);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.NOT_EVALUATED);
        assertThat(verdict.metrics()).doesNotContainKeys("testsTotal", "testsFailed");
        assertThat(verdict.unmetConditions()).containsExactly("no regression test report yet", "the deployment rehearsal on staging FAILED at apply",
                "3 blocking errors in the deployment rehearsal (at most 0)");
    }

    private static GateVerdict withCoverage(Double ratio) {
        return DeploymentRehearsalGate.evaluate(TestRelease.registered().rehearsed().receive(coverage(ID, ratio, LATER)).inputs(), POLICY);
    }
}
