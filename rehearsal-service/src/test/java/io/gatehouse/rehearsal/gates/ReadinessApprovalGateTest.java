package io.gatehouse.rehearsal.gates;

import static io.gatehouse.rehearsal.TestResults.T0;
import static io.gatehouse.rehearsal.TestResults.license;
import static io.gatehouse.rehearsal.TestResults.scan;
import static io.gatehouse.rehearsal.gates.TestRelease.ID;
import static io.gatehouse.rehearsal.gates.TestRelease.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.AuditStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.rehearsal.TestPolicies;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReadinessApprovalGateTest {

    /** Gates 1 to 3 passed when the last result of the rehearsal arrived. */
    private static final Instant READY = T0.plusSeconds(60);

    @Test
    void beforeGatesOneToThreeAreClearNoReadinessApprovalCountsAndTheGateWaits() {
        GateVerdict verdict = ReadinessApprovalGate.evaluate(TestRelease.registered().rehearsed().inputs(), POLICY, READY);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.NOT_EVALUATED);
        assertThat(verdict.metrics()).doesNotContainKey("approvalLatencyHours").containsEntry("approvalsGiven", 0.0);
        assertThat(verdict.unmetConditions()).containsExactly("gates 1 to 3 are not all passed or waived yet, so no readiness approval can count",
                "the go/no-go package is 0.8571 complete (at least 0.95); it lacks readiness-approval.json (needs a readiness approval)");
    }

    @Test
    void withoutAReadinessApprovalTheGateWaitsForOne() {
        GateVerdict verdict = ReadinessApprovalGate.evaluate(ready().inputs(), POLICY, READY);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.NOT_EVALUATED);
        assertThat(verdict.unmetConditions()).containsExactly("no readiness approval yet (release-manager)",
                "the go/no-go package is 0.8571 complete (at least 0.95); it lacks readiness-approval.json (needs a readiness approval)");
    }

    @Test
    void theReleaseManagersCurrentApprovalOfACompletePackagePasses() {
        Instant approvedAt = READY.plus(Duration.ofHours(3));
        GateVerdict verdict = ReadinessApprovalGate.evaluate(approvedAt(approvedAt).inputs(), POLICY, approvedAt);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(verdict.metrics()).containsEntry("packageCompleteness", 1.0).containsEntry("approvalsGiven", 1.0)
                .containsEntry("approvalsRequired", 1.0).containsEntry("checklistComplete", 1.0).containsEntry("approvalLatencyHours", 3.0);
        assertThat(verdict.evidenceEventIds()).hasSize(1);
    }

    @Test
    void approvalLatencyJustUnderFortyEightHoursPassesAndExactlyFortyEightFails() {
        Instant justUnder = READY.plus(Duration.ofHours(48)).minusSeconds(36);
        assertThat(ReadinessApprovalGate.evaluate(approvedAt(justUnder).inputs(), POLICY, justUnder).outcome()).isEqualTo(GateOutcome.PASSED);

        Instant exactly = READY.plus(Duration.ofHours(48));
        GateVerdict late = ReadinessApprovalGate.evaluate(approvedAt(exactly).inputs(), POLICY, exactly);
        assertThat(late.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(late.metrics()).containsEntry("approvalLatencyHours", 48.0);
        assertThat(late.unmetConditions())
                .containsExactly("the readiness approval by rita came 48 h after gates 1 to 3 were passed or waived (less than 48 h allowed)");
    }

    @Test
    void aSecondApprovalFromTheSameRoleDoesNotMakeTheFirstLater() {
        Instant first = READY.plus(Duration.ofHours(2));
        TestRelease release = approvedAt(first).approve(ReleasePolicy.READINESS, "rob", "release-manager", READY.plus(Duration.ofHours(60)), null);

        GateVerdict verdict = ReadinessApprovalGate.evaluate(release.inputs(), POLICY, READY.plus(Duration.ofHours(60)));

        assertThat(verdict.metrics()).containsEntry("approvalLatencyHours", 2.0);
        assertThat(verdict.outcome()).isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void aResultArrivingAfterTheReadinessApprovalMakesItStaleAndTheGateSaysWhoseToRenew() {
        Instant approvedAt = READY.plus(Duration.ofHours(1));
        Instant rescanAt = approvedAt.plus(Duration.ofHours(1));
        TestRelease release = approvedAt(approvedAt).receive(scan(ID, rescanAt));

        GateVerdict verdict = ReadinessApprovalGate.evaluate(release.ready(rescanAt).inputs(), POLICY, rescanAt);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.NOT_EVALUATED);
        assertThat(verdict.metrics()).containsEntry("approvalsGiven", 0.0).doesNotContainKey("approvalLatencyHours");
        assertThat(verdict.unmetConditions()).containsExactly("the readiness approval by rita (release-manager) needs renewing: 1 result arrived after it: "
                + "security-scan received " + rescanAt);
        List<ReadinessApprovalGate.Standing> standings = ReadinessApprovalGate.standings(release.inputs(), rescanAt);
        assertThat(standings).singleElement().satisfies(s -> assertThat(s.current()).isFalse());
    }

    @Test
    void upstreamApprovalsArePrerequisitesThatLaterResultsDoNotInvalidate() {
        Instant rescanAt = READY.plus(Duration.ofHours(5));
        ReleaseInputs inputs = approvedAt(READY.plus(Duration.ofHours(1))).receive(scan(ID, rescanAt)).ready(rescanAt).inputs();

        GateVerdict gate1 = IntakeConfirmationGate.evaluate(inputs, POLICY, rescanAt);

        assertThat(gate1.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(gate1.metrics()).containsEntry("completeness", 1.0);
    }

    @Test
    void aRenewedApprovalOfTheNewEvidenceCountsAgain() {
        Instant rescanAt = READY.plus(Duration.ofHours(2));
        Instant renewedAt = rescanAt.plus(Duration.ofHours(1));
        TestRelease release = approvedAt(READY.plus(Duration.ofHours(1))).receive(scan(ID, rescanAt)).ready(rescanAt)
                .approve(ReleasePolicy.READINESS, "rita", "release-manager", renewedAt, null);

        GateVerdict verdict = ReadinessApprovalGate.evaluate(release.inputs(), POLICY, renewedAt);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(verdict.metrics()).containsEntry("approvalLatencyHours", 1.0);
    }

    @Test
    void anApprovalGivenBeforeGatesOneToThreeWereClearedAnewNeedsRenewing() {
        Instant approvedAt = READY.plus(Duration.ofHours(1));
        Instant clearedAgain = READY.plus(Duration.ofHours(9));
        TestRelease release = approvedAt(approvedAt).ready(clearedAgain);

        GateVerdict verdict = ReadinessApprovalGate.evaluate(release.inputs(), POLICY, clearedAgain);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.NOT_EVALUATED);
        assertThat(verdict.unmetConditions()).first().asString()
                .isEqualTo("the readiness approval by rita (release-manager) needs renewing: gates 1 to 3 were passed or waived anew at " + clearedAgain);
    }

    @Test
    void anExpiredReadinessApprovalStopsCountingAtItsExpiry() {
        Instant expiry = READY.plus(Duration.ofHours(20));
        TestRelease release = ready().approve(ReleasePolicy.READINESS, "rita", "release-manager", READY.plus(Duration.ofHours(1)), expiry);

        assertThat(ReadinessApprovalGate.evaluate(release.inputs(), POLICY, expiry.minusMillis(1)).outcome()).isEqualTo(GateOutcome.PASSED);
        GateVerdict expired = ReadinessApprovalGate.evaluate(release.inputs(), POLICY, expiry);
        assertThat(expired.outcome()).isEqualTo(GateOutcome.NOT_EVALUATED);
        assertThat(expired.unmetConditions()).contains("the readiness approval by rita (release-manager) expired at " + expiry);
    }

    @Test
    void everyRoleThePolicyAddsMustApproveToo() {
        ReleasePolicy withQaLead = TestPolicies.edited("  readinessRoles:\n    - release-manager\n", "  readinessRoles:\n    - release-manager\n    - qa-lead\n");
        Instant approvedAt = READY.plus(Duration.ofHours(1));

        GateVerdict verdict = ReadinessApprovalGate.evaluate(approvedAt(approvedAt).inputs(), withQaLead, approvedAt);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.metrics()).containsEntry("approvalsGiven", 1.0).containsEntry("approvalsRequired", 2.0);
        assertThat(verdict.unmetConditions()).containsExactly("no current readiness approval from qa-lead");
    }

    @Test
    void anIncompleteChecklistItemFailsTheGate() {
        Instant approvedAt = READY.plus(Duration.ofHours(1));
        TestRelease release = ready().receive(license(ID, AuditStatus.FAILED, READY)).ready(READY)
                .approve(ReleasePolicy.READINESS, "rita", "release-manager", approvedAt, null);

        GateVerdict verdict = ReadinessApprovalGate.evaluate(release.inputs(), POLICY, approvedAt);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.metrics()).containsEntry("checklistComplete", 0.0);
        assertThat(verdict.unmetConditions())
                .containsExactly("deployment checklist: license-audit-passed is not complete (the license audit FAILED: GPL-3.0 in libfoo)");
    }

    @Test
    void aPackageWithoutTheObservabilityBaselineIsIncomplete() {
        ReleaseInputs rehearsed = TestRelease.registered().rehearsed().inputs();
        List<Result> withoutBaseline = rehearsed.results().stream().filter(r -> r.kind() != RehearsalResultKind.OBSERVABILITY_BASELINE).toList();
        Instant approvedAt = READY.plus(Duration.ofHours(1));
        ReleaseInputs inputs = new ReleaseInputs(rehearsed.registration(), withoutBaseline, List.of(new Approval("approval-rm", ReleasePolicy.READINESS,
                "rita", "release-manager", approvedAt, null, false, withoutBaseline.stream().map(Result::eventId).collect(Collectors.toSet()),
                READY)), List.of(), READY);

        GateVerdict verdict = ReadinessApprovalGate.evaluate(inputs, POLICY, approvedAt);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.metrics().get("packageCompleteness")).isEqualTo(6 / 7.0);
        assertThat(verdict.unmetConditions()).containsExactly(
                "the go/no-go package is 0.8571 complete (at least 0.95); it lacks observability-baseline.md (needs the observability baseline)",
                "deployment checklist: observability-baseline is not complete (no observability baseline)");
    }

    private static TestRelease ready() {
        return TestRelease.registered().rehearsed().ready(READY);
    }

    private static TestRelease approvedAt(Instant at) {
        return ready().approve(ReleasePolicy.READINESS, "rita", "release-manager", at, null);
    }
}
