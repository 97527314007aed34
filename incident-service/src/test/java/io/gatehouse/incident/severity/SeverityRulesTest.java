package io.gatehouse.incident.severity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.Severity;
import io.gatehouse.incident.policy.IncidentPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityRulesTest {

    private final SeverityRules rules = new SeverityRules(IncidentPolicy.shipped().severity());

    private static SeveritySignals signals(Double burn, Double users, Integer regions, String source, Integer tier, boolean customerFacing) {
        return new SeveritySignals(burn, users, regions, source, tier, customerFacing);
    }

    @ParameterizedTest(name = "{6}: {7}")
    @CsvSource(nullValues = "-", value = {
        // burn, users, regions, source,   tier, customer-facing, severity, rule
        "14.4,   -,     -,       -,        -,    false,           SEV_1,    sev1.slo-burn-rate",
        "14.39,  -,     -,       -,        -,    false,           SEV_2,    sev2.slo-burn-rate",
        "-,      0.25,  -,       -,        -,    false,           SEV_1,    sev1.users-affected",
        "-,      0.2499,-,       -,        -,    false,           SEV_2,    sev2.users-affected",
        "-,      -,     2,       -,        -,    false,           SEV_1,    sev1.regions-affected",
        "-,      -,     1,       -,        -,    false,           SEV_3,    sev3.default",
        "-,      -,     -,       critical, 1,    true,            SEV_1,    sev1.critical-on-tier1-customer-facing",
        "-,      -,     -,       critical, 2,    true,            SEV_2,    sev2.customer-facing",
        "-,      -,     -,       critical, 1,    false,           SEV_3,    sev3.default",
        "-,      -,     -,       warning,  1,    true,            SEV_2,    sev2.customer-facing",
        "6,      -,     -,       -,        -,    false,           SEV_2,    sev2.slo-burn-rate",
        "5.99,   -,     -,       -,        -,    false,           SEV_3,    sev3.default",
        "-,      0.05,  -,       -,        -,    false,           SEV_2,    sev2.users-affected",
        "-,      0.049, -,       -,        -,    false,           SEV_3,    sev3.default",
        "-,      -,     -,       -,        -,    false,           SEV_3,    sev3.default",
    })
    void theFirstRuleThatHoldsDecidesTheSeverity(Double burn, Double users, Integer regions, String source, Integer tier,
                                                  boolean customerFacing, Severity expected, String rule) {
        Classification classification = rules.classify(signals(burn, users, regions, source, tier, customerFacing));

        assertThat(classification.severity()).isEqualTo(expected);
        assertThat(classification.rule()).isEqualTo(rule);
        assertThat(classification.policyVersion()).isEqualTo(IncidentPolicy.shipped().version()).startsWith("sha256:");
    }

    @Test
    void sev1RulesOutrankSev2RulesWhateverOrderTheSignalsCameIn() {
        Classification classification = rules.classify(signals(7.0, 0.3, null, "warning", 3, true));

        assertThat(classification.severity()).isEqualTo(Severity.SEV_1);
        assertThat(classification.rule()).isEqualTo("sev1.users-affected");
    }

    @Test
    void theRationaleNamesTheMeasuredValueAndTheThreshold() {
        assertThat(rules.classify(signals(16.2, null, null, null, null, false)).rationale()).isEqualTo("SLO burn rate 16.2 ≥ 14.4");
        assertThat(rules.classify(signals(null, 0.31, null, null, null, false)).rationale()).isEqualTo("31 % of users affected ≥ 25 %");
        assertThat(rules.classify(signals(null, null, 3, null, null, false)).rationale()).isEqualTo("3 regions affected ≥ 2");
    }

    @Test
    void aStricterPolicyMovesTheThresholds() {
        SeverityRules strict = new SeverityRules(new SeverityPolicy("strict", 10, 0.1, 2, 2, 0.01));

        assertThat(strict.classify(signals(10.0, null, null, null, null, false)).severity()).isEqualTo(Severity.SEV_1);
        assertThat(strict.classify(signals(null, 0.02, null, null, null, false)).severity()).isEqualTo(Severity.SEV_2);
    }
}
