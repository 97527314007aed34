package io.gatehouse.rehearsal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.events.DriftSeverity;
import io.gatehouse.events.FindingSeverity;
import io.gatehouse.rehearsal.TestPolicies;
import io.gatehouse.rehearsal.TestResults;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleasePolicyTest {

    @Test
    void theShippedPolicyHoldsSpecsDefaults() {
        ReleasePolicy policy = ReleasePolicy.shipped();

        assertThat(policy.defaults().rtoMinutes()).isEqualTo(10);
        assertThat(policy.defaults().requiredArtifacts()).containsExactlyElementsOf(TestResults.ARTIFACTS);
        assertThat(policy.defaults().requiredApprovals())
                .containsExactly("quality-audit-readiness", "scope-fixed", "staging-rehearsal-clearance", "readiness");
        assertThat(policy.approvals().rolesFor("quality-audit-readiness")).containsExactly("senior-quality-engineer");
        assertThat(policy.approvals().rolesFor("scope-fixed")).containsExactly("product-owner");
        assertThat(policy.approvals().rolesFor("staging-rehearsal-clearance")).containsExactly("security-lead");
        assertThat(policy.approvals().rolesFor("readiness")).containsExactly("release-manager");
        assertThat(policy.intakeConfirmation().minCompleteness()).isEqualTo(1.0);
        assertThat(policy.intakeConfirmation().maxDrift()).isEqualTo(0.05);
        assertThat(policy.intakeConfirmation().maxDriftSeverity()).isEqualTo(DriftSeverity.LOW);
        assertThat(policy.deploymentRehearsal().requiredSuites()).containsExactlyElementsOf(TestResults.SUITES);
        assertThat(policy.deploymentRehearsal().maxBlockingErrors()).isZero();
        assertThat(policy.deploymentRehearsal().minCoverage()).isEqualTo(0.90);
        assertThat(policy.rollbackAndSecurity().blockingSeverityAbove()).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(policy.readinessApproval().minPackageCompleteness()).isEqualTo(0.95);
        assertThat(policy.readinessApproval().maxApprovalLatencyHours()).isEqualTo(48);
        assertThat(policy.readinessApproval().deploymentChecklist()).contains(ChecklistItem.LICENSE_AUDIT_PASSED, ChecklistItem.ON_CALL_COVERAGE);
    }

    @Test
    void gatesOneAndThreeHaveTheirWaiverRolesAndTwoAndFourNone() {
        ReleasePolicy policy = ReleasePolicy.shipped();

        assertThat(policy.waiverFor(1)).hasValue(new WaiverRule(List.of("release-manager"), false));
        assertThat(policy.waiverFor(3)).hasValue(new WaiverRule(List.of("ciso", "cto"), true));
        assertThat(policy.waiverFor(2)).isEmpty();
        assertThat(policy.waiverFor(4)).isEmpty();
    }

    @Test
    void gateFailuresReachTheRolesTheSeedNames() {
        ReleasePolicy policy = ReleasePolicy.shipped();

        assertThat(policy.routeFor(1).audience()).containsExactly("release-manager", "infrastructure-team");
        assertThat(policy.routeFor(2).audience()).containsExactly("deployment-team", "qa-lead");
        assertThat(policy.routeFor(3).audience()).containsExactly("security-team", "release-manager");
        assertThat(policy.routeFor(4).audience()).containsExactly("release-manager", "production-deployment-owner");
    }

    @Test
    void theVersionIsTheSha256OfTheFilesBytes() {
        byte[] shipped = TestPolicies.shippedYaml().getBytes(StandardCharsets.UTF_8);

        assertThat(ReleasePolicy.shipped().version()).isEqualTo("sha256:" + TestResults.sha256(shipped));
        byte[] edited = (new String(shipped, StandardCharsets.UTF_8) + "\n# edited\n").getBytes(StandardCharsets.UTF_8);
        assertThat(ReleasePolicy.parse(edited, "edited").version()).isNotEqualTo(ReleasePolicy.shipped().version());
    }

    @Test
    void aPolicyThatDropsTheReleaseManagersReadinessApprovalIsRefused() {
        assertThatThrownBy(() -> TestPolicies.edited("  readinessRoles:\n    - release-manager\n", "  readinessRoles:\n    - qa-lead\n"))
                .hasMessageContaining("approvals.readinessRoles must include release-manager");
    }

    @Test
    void anUnknownChecklistItemIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> TestPolicies.edited("      - rollback-verified\n", "      - rollback-verified\n      - champagne-chilled\n"))
                .hasMessageContaining("unknown deployment checklist item champagne-chilled")
                .hasMessageContaining("license-audit-passed");
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> TestPolicies.edited("    minCoverage: 0.90\n", "    minCoverage: 0.90\n    waiver:\n      roles: [cto]\n"))
                .hasMessageContaining("is not a valid 14.yaml");
    }

    @Test
    void aCoverageAboveOneIsRefused() {
        assertThatThrownBy(() -> TestPolicies.edited("    minCoverage: 0.90\n", "    minCoverage: 90\n"))
                .hasMessageContaining("gates.deploymentRehearsal.minCoverage is a share, 0..1");
    }
}
