package io.gatehouse.incident.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.events.Severity;
import io.gatehouse.incident.severity.ServiceProfile;
import io.gatehouse.incident.severity.SeverityRules;
import io.gatehouse.incident.severity.SeveritySignals;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IncidentPolicyTest {

    private static final String CUSTOM = """
            severity:
              sev1: {sloBurnRate: 10, usersAffectedShare: 0.1, regionsAffected: 3}
              sev2: {sloBurnRate: 2, usersAffectedShare: 0.01}
            services:
              search: {tier: 2, customerFacing: true}
            notifications:
              maxLatencySeconds: 120
              routes:
                SEV_1: {channels: [pager, bridge], audience: [incident-commander]}
                SEV_2: {channels: [bridge], audience: [responder]}
                SEV_3: {channels: [team], audience: []}
            gateFailures:
              1: {channels: [bridge], audience: [incident-commander, on-call-lead]}
              2: {channels: [bridge, pager], audience: [release-manager]}
              3: {channels: [bridge], audience: [sre-lead]}
              4: {channels: [bridge], audience: [retrospective-owner]}
            recovery: {minPassRate: 0.9}
            resolution: {minDocumentationCompleteness: 0.8, minRootCauseItems: 2}
            """;

    @Test
    void theShippedPolicyHoldsSpecDefaults() {
        IncidentPolicy shipped = IncidentPolicy.shipped();

        assertThat(shipped.severity().sev1BurnRate()).isEqualTo(14.4);
        assertThat(shipped.severity().sev1UsersAffectedShare()).isEqualTo(0.25);
        assertThat(shipped.severity().sev1RegionsAffected()).isEqualTo(2);
        assertThat(shipped.severity().sev2BurnRate()).isEqualTo(6);
        assertThat(shipped.severity().sev2UsersAffectedShare()).isEqualTo(0.05);
        assertThat(shipped.profileOf("checkout")).isEqualTo(new ServiceProfile(1, true));
        assertThat(shipped.profileOf("inventory")).isEqualTo(new ServiceProfile(2, false));
        assertThat(shipped.profileOf("unheard-of")).isEqualTo(ServiceProfile.UNKNOWN);
        assertThat(shipped.notifications().maxLatency()).hasMinutes(5);
        assertThat(shipped.notifications().routeFor(Severity.SEV_3).channels()).containsExactly("team-alerts");
        assertThat(shipped.closing()).isEqualTo(new IncidentPolicy.ClosingThresholds(0.95, 0.95, 3));
    }

    @Test
    void theShippedPolicyAnnouncesEachFailedGateToTheRolesSpecNames() {
        NotificationPolicy shipped = IncidentPolicy.shipped().notifications();

        assertThat(shipped.gateFailureRouteFor(1).audience()).containsExactly("incident-commander", "on-call-lead");
        assertThat(shipped.gateFailureRouteFor(2).audience()).containsExactly("release-manager", "incident-commander");
        assertThat(shipped.gateFailureRouteFor(3).audience()).containsExactly("incident-commander", "sre-lead");
        assertThat(shipped.gateFailureRouteFor(4).audience()).containsExactly("incident-commander", "retrospective-owner");
        assertThat(shipped.gateFailureRouteFor(2).channels()).containsExactly("incident-bridge");
    }

    @Test
    void aDeploymentsOwnPolicyChangesTheRulesAndItsVersionIsTheFilesHash() {
        IncidentPolicy custom = IncidentPolicy.parse(CUSTOM.getBytes(StandardCharsets.UTF_8), "test");
        SeveritySignals burn = new SeveritySignals(10.0, null, null, null, null, false);

        assertThat(new SeverityRules(custom.severity()).classify(burn).severity()).isEqualTo(Severity.SEV_1);
        assertThat(new SeverityRules(IncidentPolicy.shipped().severity()).classify(burn).severity()).isEqualTo(Severity.SEV_2);
        assertThat(custom.version()).startsWith("sha256:").hasSize(71).isNotEqualTo(IncidentPolicy.shipped().version());
        assertThat(custom.profileOf("search")).isEqualTo(new ServiceProfile(2, true));
        assertThat(custom.notifications().maxLatency()).hasSeconds(120);
        assertThat(custom.closing()).isEqualTo(new IncidentPolicy.ClosingThresholds(0.9, 0.8, 2));
        assertThat(custom.notifications().routeFor(Severity.SEV_1).channels()).containsExactly("pager", "bridge");
        assertThat(custom.notifications().gateFailureRouteFor(2).channels()).containsExactly("bridge", "pager");
        assertThat(IncidentPolicy.parse((CUSTOM + "\n").getBytes(StandardCharsets.UTF_8), "test").version()).isNotEqualTo(custom.version());
    }

    @Test
    void aBrokenPolicyIsRefusedNamingWhatIsWrong() {
        assertRefused("severity:\n  sev1: {sloBurnRate: 10, usersAffectedShare: 0.1, regionsAffected: 3}\n", "needs severity.sev1 and severity.sev2");
        assertRefused(CUSTOM.replace("usersAffectedShare: 0.1,", "usersAffectedShare: 25,"), "severity.sev1.usersAffectedShare is a share of users");
        assertRefused(CUSTOM.replace("sloBurnRate: 2,", "sloBurnRate: -1,"), "severity.sev2.sloBurnRate must be a number above 0");
        assertRefused(CUSTOM.replace("tier: 2", "tier: 0"), "services.search.tier must be 1 or more");
        assertRefused(CUSTOM.replace("sloBurnRate: 10", "sloBurnrate: 10"), "not a valid 17.yaml");
        assertRefused("severity: [", "not a valid 17.yaml");
        assertRefused(CUSTOM.replace("recovery: {minPassRate: 0.9}\n", ""), "needs recovery.minPassRate");
        assertRefused(CUSTOM.replace("SEV_3: {channels: [team], audience: []}", "SEV_3: {channels: [], audience: []}"),
                "notifications.routes.SEV_3 needs at least one channel");
        assertRefused(CUSTOM.replace("  4: {channels: [bridge], audience: [retrospective-owner]}\n", ""),
                "gateFailures.4 needs at least one channel and one role");
        assertRefused(CUSTOM.replace("3: {channels: [bridge], audience: [sre-lead]}", "3: {channels: [bridge], audience: []}"),
                "gateFailures.3 needs at least one channel and one role");
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> IncidentPolicy.parse(yaml.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
