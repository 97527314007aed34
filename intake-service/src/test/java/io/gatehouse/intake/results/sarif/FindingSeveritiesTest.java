package io.gatehouse.intake.results.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gatehouse.events.FindingSeverity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FindingSeveritiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "security-severity {0} is {1}")
    @CsvSource({
            "10.0, CRITICAL", "9.0, CRITICAL", "8.99, HIGH", "7.0, HIGH", "6.99, MEDIUM", "4.0, MEDIUM", "3.9, LOW", "0.1, LOW", "0, NONE",
            "\"9.8\", CRITICAL", "\"5.3\", MEDIUM", "\"2.1\", LOW",
            "\"CRITICAL\", CRITICAL", "\"High\", HIGH", "\"medium\", MEDIUM", "\"low\", LOW"})
    void aCvssScoreFallsInItsBandAndAWordIsReadAsItSays(String value, FindingSeverity expected) throws Exception {
        assertThat(FindingSeverities.fromSecuritySeverity(properties(value))).contains(expected);
    }

    @ParameterizedTest(name = "security-severity {0} says nothing")
    @CsvSource(delimiter = '|', value = {"10.1", "-1", "\"NaN\"", "\"severe\"", "\"\"", "true", "{\"score\": 9}", "null"})
    void aValueOutsideTheScaleOrAnUnknownWordSaysNothing(String value) throws Exception {
        assertThat(FindingSeverities.fromSecuritySeverity(properties(value))).isEmpty();
    }

    @Test
    void securitySeverityOfTheResultComesBeforeItsRulesAndBeforeAnyLevel() throws Exception {
        Sarif.Rule criticalRule = rule("{\"security-severity\": \"9.8\"}", "note");

        assertThat(FindingSeverities.of(result(null, "note", "{\"security-severity\": \"7.5\"}"), criticalRule)).isEqualTo(FindingSeverity.HIGH);
        assertThat(FindingSeverities.of(result(null, "note", null), criticalRule)).isEqualTo(FindingSeverity.CRITICAL);
    }

    @Test
    void withoutSecuritySeverityTheResultsLevelThenTheRulesDefaultThenWarningDecide() throws Exception {
        Sarif.Rule noteByDefault = rule(null, "note");

        assertThat(FindingSeverities.of(result(null, "error", null), noteByDefault)).isEqualTo(FindingSeverity.HIGH);
        assertThat(FindingSeverities.of(result(null, "warning", null), noteByDefault)).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(FindingSeverities.of(result(null, "none", null), noteByDefault)).isEqualTo(FindingSeverity.NONE);
        assertThat(FindingSeverities.of(result(null, null, null), noteByDefault)).isEqualTo(FindingSeverity.LOW);
        assertThat(FindingSeverities.of(result(null, "fatal", null), rule(null, "error"))).as("an unknown level says nothing").isEqualTo(FindingSeverity.HIGH);
        assertThat(FindingSeverities.of(result(null, null, null), rule("{\"security-severity\": \"unknown\"}", null))).isEqualTo(FindingSeverity.MEDIUM);
        assertThat(FindingSeverities.of(result(null, null, null), null)).isEqualTo(FindingSeverity.MEDIUM);
    }

    @Test
    void aResultThatIsNoFailureIsNoFindingWhateverItsRuleSays() throws Exception {
        Sarif.Rule criticalRule = rule("{\"security-severity\": \"9.8\"}", "error");

        assertThat(FindingSeverities.of(result("pass", null, null), criticalRule)).isEqualTo(FindingSeverity.NONE);
        assertThat(FindingSeverities.of(result("notApplicable", "error", null), criticalRule)).isEqualTo(FindingSeverity.NONE);
        assertThat(FindingSeverities.of(result("fail", null, null), criticalRule)).isEqualTo(FindingSeverity.CRITICAL);
    }

    private static JsonNode properties(String securitySeverity) throws Exception {
        return JSON.readTree("{\"security-severity\": " + securitySeverity + "}");
    }

    private static Sarif.Rule rule(String properties, String defaultLevel) throws Exception {
        return new Sarif.Rule("R1", defaultLevel == null ? null : new Sarif.Configuration(defaultLevel),
                properties == null ? null : JSON.readTree(properties), null);
    }

    private static Sarif.Result result(String kind, String level, String properties) throws Exception {
        return new Sarif.Result("R1", null, null, kind, level, new Sarif.Message("m", null), List.of(), List.of(),
                properties == null ? JsonNodeFactory.instance.objectNode() : JSON.readTree(properties));
    }
}
