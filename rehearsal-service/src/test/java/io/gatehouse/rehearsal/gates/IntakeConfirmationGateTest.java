package io.gatehouse.rehearsal.gates;

import static io.gatehouse.rehearsal.TestResults.T0;
import static io.gatehouse.rehearsal.TestResults.artifact;
import static io.gatehouse.rehearsal.TestResults.configuration;
import static io.gatehouse.rehearsal.TestResults.entry;
import static io.gatehouse.rehearsal.TestResults.snapshot;
import static io.gatehouse.rehearsal.gates.TestRelease.ID;
import static io.gatehouse.rehearsal.gates.TestRelease.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.ConfigCategory;
import io.gatehouse.events.ConfigEntry;
import io.gatehouse.events.GateOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeConfirmationGateTest {

    private static final Instant LATER = T0.plus(Duration.ofHours(1));

    @Test
    void everyArtifactAndApprovalPresentAndStagingLikeProductionPasses() {
        GateVerdict verdict = IntakeConfirmationGate.evaluate(TestRelease.registered().rehearsed().inputs(), POLICY, LATER);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.PASSED);
        assertThat(verdict.metrics()).containsEntry("completeness", 1.0).containsEntry("configurationDrift", 0.0).containsEntry("driftSeverity", 0.0);
        assertThat(verdict.thresholds()).containsEntry("completeness", ">= 1").containsEntry("configurationDrift", "<= 0.05")
                .containsEntry("driftSeverity", "<= 1 (LOW)");
        assertThat(verdict.unmetConditions()).isEmpty();
        assertThat(verdict.evidenceEventIds()).hasSize(6 + 2 + 3);
    }

    @Test
    void aMissingArtifactMakesCompletenessFallShortAndIsNamed() {
        TestRelease release = TestRelease.registered().rehearsed();
        ReleaseInputs inputs = release.inputs();
        List<Result> withoutRollbackScript = inputs.results().stream()
                .filter(r -> !"rollback.sh".equals(r.scope())).toList();
        ReleaseInputs missing = new ReleaseInputs(inputs.registration(), withoutRollbackScript, inputs.approvals(), inputs.waivers(), null);

        GateVerdict verdict = IntakeConfirmationGate.evaluate(missing, POLICY, LATER);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.metrics().get("completeness")).isEqualTo(8 / 9.0);
        assertThat(verdict.unmetConditions()).containsExactly(
                "completeness 0.8889 (8 of 9 required artifacts and approvals) is below 1",
                "upstream artifact rollback.sh was not received");
    }

    @Test
    void anArtifactWithoutAValidSha256DoesNotCount() {
        ReleaseInputs inputs = TestRelease.registered().rehearsed().receive(artifact(ID, "deploy.sh", "not-a-digest", T0.plusSeconds(60))).inputs();

        GateVerdict verdict = IntakeConfirmationGate.evaluate(inputs, POLICY, LATER);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.unmetConditions()).contains("upstream artifact deploy.sh has no valid checksum (SHA-256 not-a-digest, 2048 bytes)");
    }

    @Test
    void anUpstreamApprovalStopsCountingAtItsExpiryInstant() {
        Instant expiry = T0.plus(Duration.ofDays(1));
        TestRelease release = TestRelease.registered().rehearsed().approve("scope-fixed", "pat", "product-owner", T0, expiry);
        ReleaseInputs inputs = release.inputs();
        List<Approval> onlyExpiring = inputs.approvals().stream()
                .filter(a -> !a.kind().equals("scope-fixed") || a.expiresAt() != null).toList();
        ReleaseInputs expiring = new ReleaseInputs(inputs.registration(), inputs.results(), onlyExpiring, inputs.waivers(), null);

        assertThat(IntakeConfirmationGate.evaluate(expiring, POLICY, expiry.minusMillis(1)).outcome()).isEqualTo(GateOutcome.PASSED);
        GateVerdict atExpiry = IntakeConfirmationGate.evaluate(expiring, POLICY, expiry);
        assertThat(atExpiry.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(atExpiry.unmetConditions()).contains("the scope-fixed approval by pat expired at " + expiry + "; it needs renewing");
    }

    @Test
    void aMissingSnapshotLeavesTheGateNotEvaluatedWithoutDriftMetrics() {
        ReleaseInputs inputs = TestRelease.registered().receive(snapshot(ID, "staging", T0, configuration("staging"))).inputs();

        GateVerdict verdict = IntakeConfirmationGate.evaluate(inputs, POLICY, LATER);

        assertThat(verdict.outcome()).isEqualTo(GateOutcome.NOT_EVALUATED);
        assertThat(verdict.metrics()).containsOnlyKeys("completeness");
        assertThat(verdict.unmetConditions()).contains("no configuration snapshot of the production environment production yet");
        assertThat(verdict.actual()).contains("configurationDrift not measured");
    }

    @Test
    void driftExactlyAtTheThresholdPassesAndJustOverFails() {
        // 20 compared keys on each side; one feature flag differing is 1/20 = 0.05, LOW.
        List<ConfigEntry> production = keys(20);
        List<ConfigEntry> staging = new ArrayList<>(production);
        staging.set(0, entry("key00", "off", ConfigCategory.FEATURE_FLAG));
        GateVerdict atThreshold = evaluate(staging, production);
        assertThat(atThreshold.metrics()).containsEntry("configurationDrift", 0.05).containsEntry("driftSeverity", 1.0);
        assertThat(atThreshold.outcome()).isEqualTo(GateOutcome.PASSED);

        // 19 compared keys: 1/19 = 0.0526.
        GateVerdict justOver = evaluate(staging.subList(0, 19), production.subList(0, 19));
        assertThat(justOver.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(justOver.unmetConditions()).containsExactly(
                "staging differs from production on 1 of 19 compared keys (drift 0.0526, at most 0.05): key00 (FEATURE_FLAG, value differs)");
    }

    @Test
    void aConfigurationDifferenceIsTooSevereEvenWithinTheDriftShare() {
        List<ConfigEntry> production = keys(40);
        List<ConfigEntry> staging = new ArrayList<>(production);
        staging.set(3, entry("key03", "other", ConfigCategory.CONFIGURATION));

        GateVerdict verdict = evaluate(staging, production);

        assertThat(verdict.metrics()).containsEntry("configurationDrift", 0.025).containsEntry("driftSeverity", 2.0);
        assertThat(verdict.outcome()).isEqualTo(GateOutcome.FAILED);
        assertThat(verdict.unmetConditions()).containsExactly("drift severity MEDIUM is above LOW: key03 (CONFIGURATION, value differs)");
        assertThat(verdict.actual()).isEqualTo("completeness 1; configurationDrift 0.025; driftSeverity MEDIUM");
    }

    @Test
    void theReleaseManagersWaiverWaivesAFailureUntilItExpires() {
        Instant expiry = LATER.plus(Duration.ofHours(2));
        TestRelease release = TestRelease.registered().rehearsed().receive(artifact(ID, "deploy.sh", "bad", T0.plusSeconds(90)))
                .waive(1, "rita", "release-manager", null, LATER, expiry);

        GateVerdict waived = IntakeConfirmationGate.evaluate(release.inputs(), POLICY, LATER);
        assertThat(waived.outcome()).isEqualTo(GateOutcome.WAIVED);
        assertThat(waived.unmetConditions()).isNotEmpty();
        assertThat(waived.evidenceEventIds()).anyMatch(id -> id.startsWith("waiver-"));

        assertThat(IntakeConfirmationGate.evaluate(release.inputs(), POLICY, expiry).outcome()).isEqualTo(GateOutcome.FAILED);
    }

    @Test
    void aWaiverCannotStandInForAMissingInput() {
        ReleaseInputs inputs = TestRelease.registered().waive(1, "rita", "release-manager", null, T0, null).inputs();

        assertThat(IntakeConfirmationGate.evaluate(inputs, POLICY, LATER).outcome()).isEqualTo(GateOutcome.NOT_EVALUATED);
    }

    @Test
    void aWaiverFromAnotherRoleDoesNotCount() {
        ReleaseInputs inputs = TestRelease.registered().rehearsed().receive(artifact(ID, "deploy.sh", "bad", T0.plusSeconds(90)))
                .waive(1, "olga", "product-owner", null, LATER, null).inputs();

        assertThat(IntakeConfirmationGate.evaluate(inputs, POLICY, LATER).outcome()).isEqualTo(GateOutcome.FAILED);
    }

    private static GateVerdict evaluate(List<ConfigEntry> staging, List<ConfigEntry> production) {
        ReleaseInputs inputs = TestRelease.registered().rehearsed()
                .receive(snapshot(ID, "staging", T0.plusSeconds(120), staging), snapshot(ID, "production", T0.plusSeconds(120), production))
                .inputs();
        return IntakeConfirmationGate.evaluate(inputs, POLICY, LATER);
    }

    private static List<ConfigEntry> keys(int count) {
        List<ConfigEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(entry(String.format("key%02d", i), "on", i % 2 == 0 ? ConfigCategory.FEATURE_FLAG : ConfigCategory.CONFIGURATION));
        }
        return entries;
    }
}
