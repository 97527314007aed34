package io.gatehouse.rehearsal.drift;

import static io.gatehouse.rehearsal.TestResults.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.ConfigCategory;
import io.gatehouse.events.ConfigEntry;
import io.gatehouse.events.DifferenceKind;
import io.gatehouse.events.DriftSeverity;
import io.gatehouse.rehearsal.drift.ConfigurationDrift.Difference;
import io.gatehouse.rehearsal.drift.ConfigurationDrift.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationDriftTest {

    @Test
    void driftIsTheShareOfComparedKeysThatDiffer() {
        Report report = ConfigurationDrift.measure(
                List.of(entry("a", "1", ConfigCategory.CONFIGURATION), entry("b", "1", ConfigCategory.CONFIGURATION),
                        entry("c", "on", ConfigCategory.FEATURE_FLAG), entry("d", "1", ConfigCategory.CONFIGURATION)),
                List.of(entry("a", "1", ConfigCategory.CONFIGURATION), entry("b", "1", ConfigCategory.CONFIGURATION),
                        entry("c", "off", ConfigCategory.FEATURE_FLAG), entry("d", "1", ConfigCategory.CONFIGURATION)),
                List.of());

        assertThat(report.comparedKeys()).isEqualTo(4);
        assertThat(report.drift()).isEqualTo(0.25);
        assertThat(report.severity()).isEqualTo(DriftSeverity.LOW);
        assertThat(report.differences()).containsExactly(new Difference("c", ConfigCategory.FEATURE_FLAG, DifferenceKind.VALUE_DIFFERS, DriftSeverity.LOW));
    }

    @Test
    void severityIsTheWorstDifferingKeysByCategory() {
        assertThat(severityOfOneDifferent(ConfigCategory.FEATURE_FLAG)).isEqualTo(DriftSeverity.LOW);
        assertThat(severityOfOneDifferent(ConfigCategory.CONFIGURATION)).isEqualTo(DriftSeverity.MEDIUM);
        assertThat(severityOfOneDifferent(ConfigCategory.INFRASTRUCTURE)).isEqualTo(DriftSeverity.HIGH);

        Report mixed = ConfigurationDrift.measure(
                List.of(entry("flag", "on", ConfigCategory.FEATURE_FLAG), entry("pool", "10", ConfigCategory.CONFIGURATION)),
                List.of(entry("flag", "off", ConfigCategory.FEATURE_FLAG), entry("pool", "20", ConfigCategory.CONFIGURATION)), List.of());
        assertThat(mixed.severity()).isEqualTo(DriftSeverity.MEDIUM);
    }

    @Test
    void keysExpectedToDifferAreIgnoredAndListed() {
        Report report = ConfigurationDrift.measure(
                List.of(entry("db.host", "staging-db", ConfigCategory.INFRASTRUCTURE), entry("api.replicas", "2", ConfigCategory.INFRASTRUCTURE),
                        entry("timeout", "30", ConfigCategory.CONFIGURATION)),
                List.of(entry("db.host", "prod-db", ConfigCategory.INFRASTRUCTURE), entry("api.replicas", "12", ConfigCategory.INFRASTRUCTURE),
                        entry("timeout", "30", ConfigCategory.CONFIGURATION)),
                List.of("*.host", "*.replicas"));

        assertThat(report.ignoredKeys()).containsExactly("api.replicas", "db.host");
        assertThat(report.comparedKeys()).isEqualTo(1);
        assertThat(report.drift()).isZero();
        assertThat(report.severity()).isEqualTo(DriftSeverity.NONE);
    }

    @Test
    void anExpectedDifferenceIsAWholeKeyPatternNotASubstring() {
        Report report = ConfigurationDrift.measure(List.of(entry("db.hostname", "a", ConfigCategory.INFRASTRUCTURE)),
                List.of(entry("db.hostname", "b", ConfigCategory.INFRASTRUCTURE)), List.of("*.host"));

        assertThat(report.ignoredKeys()).isEmpty();
        assertThat(report.severity()).isEqualTo(DriftSeverity.HIGH);
    }

    @Test
    void secretsAreComparedByPresenceOnlyNeverByValue() {
        Report bothPresent = ConfigurationDrift.measure(List.of(entry("db.password", "sha256:aaaa", ConfigCategory.SECRET)),
                List.of(entry("db.password", "sha256:bbbb", ConfigCategory.SECRET)), List.of());
        assertThat(bothPresent.differences()).isEmpty();
        assertThat(bothPresent.drift()).isZero();

        Report oneSide = ConfigurationDrift.measure(List.of(entry("db.password", "sha256:aaaa", ConfigCategory.SECRET)), List.of(), List.of());
        assertThat(oneSide.differences())
                .containsExactly(new Difference("db.password", ConfigCategory.SECRET, DifferenceKind.ONLY_IN_STAGING, DriftSeverity.HIGH));
        assertThat(oneSide.toString()).doesNotContain("aaaa");
    }

    @Test
    void aKeyOnOneSideOnlyDiffersWithItsOwnCategorysSeverity() {
        Report report = ConfigurationDrift.measure(List.of(), List.of(entry("new.flag", "on", ConfigCategory.FEATURE_FLAG)), List.of());

        assertThat(report.differences())
                .containsExactly(new Difference("new.flag", ConfigCategory.FEATURE_FLAG, DifferenceKind.ONLY_IN_PRODUCTION, DriftSeverity.LOW));
        assertThat(report.drift()).isEqualTo(1.0);
    }

    @Test
    void aKeyThatIsASecretOnOneSideOnlyIsHighAndNamedInStagingsCategory() {
        Report report = ConfigurationDrift.measure(List.of(entry("api.token", "plain-value", ConfigCategory.CONFIGURATION)),
                List.of(entry("api.token", "sha256:cccc", ConfigCategory.SECRET)), List.of());

        assertThat(report.differences())
                .containsExactly(new Difference("api.token", ConfigCategory.CONFIGURATION, DifferenceKind.VALUE_DIFFERS, DriftSeverity.HIGH));
    }

    @Test
    void nothingComparedIsNoDrift() {
        Report report = ConfigurationDrift.measure(List.of(), List.of(), List.of());

        assertThat(report.comparedKeys()).isZero();
        assertThat(report.drift()).isZero();
        assertThat(report.severity()).isEqualTo(DriftSeverity.NONE);
    }

    private static DriftSeverity severityOfOneDifferent(ConfigCategory category) {
        List<ConfigEntry> staging = List.of(entry("k", "1", category));
        List<ConfigEntry> production = List.of(entry("k", "2", category));
        return ConfigurationDrift.measure(staging, production, List.of()).severity();
    }
}
