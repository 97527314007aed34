package io.gatehouse.rehearsal.gates;

import static io.gatehouse.rehearsal.TestResults.T0;
import static io.gatehouse.rehearsal.TestResults.finding;
import static io.gatehouse.rehearsal.TestResults.rollback;
import static io.gatehouse.rehearsal.TestResults.scan;
import static io.gatehouse.rehearsal.gates.TestRelease.ID;
import static io.gatehouse.rehearsal.gates.TestRelease.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.FindingSeverity;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.RunStatus;
import io.gatehouse.events.SecurityFinding;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RollbackSecurityGateTest {

    private static final Instant LATER = T0.plusSeconds(600);
    private static final String CONTROLS = "WAF rule blocks the vulnerable path; fix due in 7 days";

    @Test
    void aRollbackWithinTheRtoAndACleanScanPass() {
        GateVerdict verdict = RollbackSecurityGate.evaluate(TestRelease.registered().rehearsed().inputs(), POLICY, LATER);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(verdict.metrics()).containsEntry("rollbackSucceeded", 1.0).containsEntry("rollbackDurationSeconds", 240.0)
                .containsEntry("rtoSeconds", 600.0).containsEntry("blockingFindings", 0.0);
    }

    @Test
    void aRollbackTakingExactlyTheRtoPassesAndAMillisecondMoreFails() {
        assertThat(withRollback(RunStatus.SUCCEEDED, Duration.ofMinutes(10)).outcome()).isEqualTo(GateOutcome.PASSED);

        GateVerdict over = withRollback(RunStatus.SUCCEEDED, Duration.ofMinutes(10).plusMillis(1));
        assertThat(over.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(over.unmetConditions()).containsExactly("the rollback took 600.001 s, over the RTO of 600 s (10 min)");
    }

    @Test
    void theRtoIsTheReleasesOwn() {
        GateVerdict verdict = RollbackSecurityGate.evaluate(TestRelease.registered().rto(3).rehearsed().inputs(), POLICY, LATER);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.metrics()).containsEntry("rtoSeconds", 180.0);
    }

    @Test
    void aFailedRollbackFails() {
        GateVerdict verdict = withRollback(RunStatus.FAILED, Duration.ofMinutes(2));

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.metrics()).containsEntry("rollbackSucceeded", 0.0);
        assertThat(verdict.unmetConditions()).containsExactly("the rollback rehearsal on staging FAILED");
    }

    @Test
    void aHighFindingBlocksAndAMediumOneDoesNot() {
        assertThat(withScan(finding("java/sql-injection", FindingSeverity.MEDIUM)).outcome()).isEqualTo(GateOutcome.PASSED);

        GateVerdict high = withScan(finding("java/sql-injection", FindingSeverity.HIGH), finding("java/xss", FindingSeverity.MEDIUM));
        assertThat(high.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(high.metrics()).containsEntry("blockingFindings", 1.0);
        assertThat(high.unmetConditions()).containsExactly(
                "1 blocking security finding (severity above MEDIUM, at most 0): java/sql-injection HIGH at src/main/App.java:42");
        assertThat(high.criteria()).isEqualTo("rollbackSucceeded = 1; rollbackDurationSeconds <= rtoSeconds (600); blockingFindings <= 0 (severity above MEDIUM)");
        assertThat(high.actual()).isEqualTo("rollbackSucceeded yes; rollbackDurationSeconds 240; blockingFindings 1");
    }

    @Test
    void aSuppressedFindingCountsAsWaivedInTheScan() {
        var suppressed = finding("java/sql-injection", FindingSeverity.CRITICAL);
        suppressed.setSuppressed(true);

        assertThat(withScan(suppressed).outcome()).isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void aRescanSupersedesTheScanThatFoundTheBlockingFinding() {
        GateVerdict verdict = RollbackSecurityGate.evaluate(TestRelease.registered().rehearsed()
                .receive(scan(ID, LATER, finding("java/sql-injection", FindingSeverity.HIGH)), scan(ID, LATER.plusSeconds(60))).inputs(),
                POLICY, LATER.plusSeconds(60));

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void noScanLeavesTheGateNotEvaluated() {
        GateVerdict verdict = RollbackSecurityGate.evaluate(
                TestRelease.registered().receive(rollback(ID, RunStatus.SUCCEEDED, Duration.ofMinutes(1), T0)).inputs(), POLICY, LATER);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.NOT_EVALUATED);
        assertThat(verdict.metrics()).doesNotContainKey("blockingFindings");
        assertThat(verdict.unmetConditions()).containsExactly("no security scan result yet");
    }

    @Test
    void theCisoAloneDoesNotWaiveTheGateButTheCisoAndTheCtoDo() {
        TestRelease release = blocked().waive(3, "carol", "ciso", CONTROLS, LATER, null);
        assertThat(RollbackSecurityGate.evaluate(release.inputs(), POLICY, LATER).outcome()).isEqualTo(GateOutcome.FAILED);

        GateVerdict waived = RollbackSecurityGate.evaluate(release.waive(3, "tom", "cto", CONTROLS, LATER, null).inputs(), POLICY, LATER);
        assertThat(waived.outcome()).isEqualTo(GateOutcome.WAIVED);
        assertThat(waived.evidenceEventIds()).filteredOn(id -> id.startsWith("waiver-")).hasSize(2);
    }

    @Test
    void onePersonHoldingBothRolesCannotWaiveAlone() {
        TestRelease release = blocked().waive(3, "carol", "ciso", CONTROLS, LATER, null).waive(3, "carol", "cto", CONTROLS, LATER, null);

        assertThat(RollbackSecurityGate.evaluate(release.inputs(), POLICY, LATER).outcome()).isEqualTo(GateOutcome.FAILED);
    }

    @Test
    void aWaiverWithoutCompensatingControlsDoesNotCount() {
        TestRelease release = blocked().waive(3, "carol", "ciso", CONTROLS, LATER, null).waive(3, "tom", "cto", " ", LATER, null);

        assertThat(RollbackSecurityGate.evaluate(release.inputs(), POLICY, LATER).outcome()).isEqualTo(GateOutcome.FAILED);
    }

    @Test
    void anExpiredWaiverStopsCountingAtItsExpiry() {
        Instant expiry = LATER.plus(Duration.ofDays(2));
        TestRelease release = blocked().waive(3, "carol", "ciso", CONTROLS, LATER, null).waive(3, "tom", "cto", CONTROLS, LATER, expiry);

        assertThat(RollbackSecurityGate.evaluate(release.inputs(), POLICY, expiry.minusMillis(1)).outcome()).isEqualTo(GateOutcome.WAIVED);
        assertThat(RollbackSecurityGate.evaluate(release.inputs(), POLICY, expiry).outcome()).isEqualTo(GateOutcome.FAILED);
    }

    @Test
    void aWaiverWhoseExpiryWasAppliedNeverCountsAgainEvenForAnOlderCause() {
        TestRelease release = blocked().waive(3, "carol", "ciso", CONTROLS, LATER, null);
        ReleaseInputs inputs = release.inputs();
        Waiver lapsed = new Waiver("waiver-cto", 3, "tom", "cto", "accepted", CONTROLS, LATER, LATER.plusSeconds(60), true);
        ReleaseInputs withLapsed = new ReleaseInputs(inputs.registration(), inputs.results(), inputs.approvals(),
                Stream.concat(inputs.waivers().stream(), Stream.of(lapsed)).toList(), null);

        assertThat(RollbackSecurityGate.evaluate(withLapsed, POLICY, LATER).outcome()).isEqualTo(GateOutcome.FAILED);
    }

    private static TestRelease blocked() {
        return TestRelease.registered().rehearsed().receive(scan(ID, LATER, finding("java/sql-injection", FindingSeverity.HIGH)));
    }

    private static GateVerdict withRollback(RunStatus status, Duration took) {
        return RollbackSecurityGate.evaluate(TestRelease.registered().rehearsed().receive(rollback(ID, status, took, LATER)).inputs(), POLICY, LATER);
    }

    private static GateVerdict withScan(SecurityFinding... findings) {
        return RollbackSecurityGate.evaluate(TestRelease.registered().rehearsed().receive(scan(ID, LATER, findings)).inputs(), POLICY, LATER);
    }
}
