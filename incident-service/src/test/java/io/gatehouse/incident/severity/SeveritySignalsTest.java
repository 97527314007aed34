package io.gatehouse.incident.severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeveritySignalsTest {

    private static SeveritySignals.AlertFacts alert(Map<String, String> labels, Map<String, String> annotations) {
        return new SeveritySignals.AlertFacts(labels, annotations);
    }

    @Test
    void signalsAreTheHighestReportedAcrossTheIncidentsAlerts() {
        SeveritySignals signals = SeveritySignals.from(List.of(
                alert(Map.of("slo_burn_rate", "3.5", "region", "eu-west-1", "severity", "warning"), Map.of("users_affected_percent", "4")),
                alert(Map.of("region", "us-east-1", "severity", "critical"), Map.of("slo_burn_rate", "16.2", "users_affected_percent", "12%"))),
                new ServiceProfile(1, true));

        assertThat(signals.sloBurnRate()).isEqualTo(16.2);
        assertThat(signals.usersAffectedShare()).isEqualTo(0.12);
        assertThat(signals.regionsAffected()).isEqualTo(2);
        assertThat(signals.sourceSeverity()).isEqualTo("critical");
        assertThat(signals.serviceTier()).isEqualTo(1);
        assertThat(signals.customerFacing()).isTrue();
    }

    @Test
    void aSignalNoAlertReportsStaysUnknownRatherThanZero() {
        SeveritySignals signals = SeveritySignals.from(List.of(alert(Map.of("alertname", "X"), Map.of())), ServiceProfile.UNKNOWN);

        assertThat(signals.sloBurnRate()).isNull();
        assertThat(signals.usersAffectedShare()).isNull();
        assertThat(signals.regionsAffected()).isNull();
        assertThat(signals.sourceSeverity()).isNull();
        assertThat(signals.serviceTier()).isNull();
        assertThat(signals.customerFacing()).isFalse();
    }

    @Test
    void aValueThatIsNotANumberIsIgnoredAndReportedRegionCountsAreTakenWhenHigher() {
        SeveritySignals signals = SeveritySignals.from(List.of(
                alert(Map.of("slo_burn_rate", "fast", "region", "eu-west-1"), Map.of("regions_affected", "3", "users_affected_ratio", "0.3"))),
                ServiceProfile.UNKNOWN);

        assertThat(signals.sloBurnRate()).isNull();
        assertThat(signals.regionsAffected()).isEqualTo(3);
        assertThat(signals.usersAffectedShare()).isEqualTo(0.3);
    }
}
