package io.gatehouse.evidence.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.evidence.protocols.EvidenceProtocols;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    @Test
    void theShippedPolicyKeepsReleaseEvidence90DaysActiveAnd3YearsArchivedAndIncidentEvidence1YearAnd5Years() throws IOException {
        RetentionPolicy policy = RetentionPolicy.shipped(EvidenceProtocols.ALL);

        RetentionPolicy.Rule release = policy.ruleFor(14).orElseThrow();
        assertThat(release.active()).isEqualTo(Duration.ofDays(90));
        assertThat(release.archived()).isEqualTo(Duration.ofDays(3 * 365));
        RetentionPolicy.Rule incident = policy.ruleFor(17).orElseThrow();
        assertThat(incident.active()).isEqualTo(Duration.ofDays(365));
        assertThat(incident.archived()).isEqualTo(Duration.ofDays(5 * 365));
        try (InputStream file = RetentionPolicy.class.getResourceAsStream(RetentionPolicy.SHIPPED)) {
            assertThat(policy.version()).isEqualTo("sha256:" + HashChain.sha256(file.readAllBytes()));
        }
        assertThat(policy.citation(release)).isEqualTo("release evidence: active 90 days, archived 1095 days (retention policy " + policy.version() + ")");
    }

    @Test
    void periodsCountFromTheSealTheArchivePeriodAfterTheActiveOne() {
        RetentionPolicy.Rule rule = new RetentionPolicy.Rule(14, "release evidence", Duration.ofDays(90), Duration.ofDays(1095));
        Instant sealedAt = Instant.parse("2026-11-21T14:00:37.019Z");

        assertThat(rule.activeEndsAt(sealedAt)).isEqualTo("2027-02-19T14:00:37.019Z");
        assertThat(rule.archiveEndsAt(sealedAt)).isEqualTo("2030-02-18T14:00:37.019Z");
    }

    @Test
    void aPolicyWithoutPeriodsForAProtocolIsRefusedNamingIt() {
        assertThatThrownBy(() -> parse("protocols:\n  14: {evidence: release evidence, activeDays: 90, archivedDays: 1095}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no periods for protocol 17");
    }

    @Test
    void aPolicyNamingAProtocolGatehouseDoesNotSealIsRefused() {
        assertThatThrownBy(() -> parse(valid() + "  99: {evidence: other evidence, activeDays: 1, archivedDays: 1}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names protocol 99");
    }

    @Test
    void aPeriodThatIsNotAPositiveNumberOfDaysIsRefusedNamingTheField() {
        assertThatThrownBy(() -> parse(valid().replace("activeDays: 365", "activeDays: 0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("protocols.17.activeDays must be a whole number of days");
        assertThatThrownBy(() -> parse(valid().replace("archivedDays: 1095", "archivedDays: three years")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not valid");
        assertThatThrownBy(() -> parse(valid().replace("activeDays:", "activeDay:")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not valid");
    }

    @Test
    void aFileWithoutProtocolsIsRefused() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.yaml is not valid");
        assertThatThrownBy(() -> parse("protocols:\n")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a 'protocols' map");
    }

    private static String valid() {
        return "protocols:\n"
                + "  14: {evidence: release evidence, activeDays: 90, archivedDays: 1095}\n"
                + "  17: {evidence: incident evidence, activeDays: 365, archivedDays: 1825}\n";
    }

    private static RetentionPolicy parse(String yaml) {
        return RetentionPolicy.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", EvidenceProtocols.ALL);
    }
}
