package io.gatehouse.intake.results.sarif;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.FindingSeverity;
import java.util.Locale;
import java.util.Optional;

/**
 * How severe a SARIF result is, in this order:
 * <ol>
 *   <li>a result whose {@code kind} is not {@code fail} (pass, notApplicable, informational, review, open) is not a
 *       finding: NONE, as the SARIF specification makes its level {@code none};</li>
 *   <li>{@code properties.security-severity} of the result, else of its rule: a CVSS score (at least 9 CRITICAL, 7
 *       HIGH, 4 MEDIUM, above 0 LOW, 0 NONE) or one of the words critical, high, medium, low (as Semgrep writes them);
 *       anything else there is ignored;</li>
 *   <li>the result's {@code level}: error HIGH, warning MEDIUM, note LOW, none NONE;</li>
 *   <li>its rule's {@code defaultConfiguration.level}, read the same way;</li>
 *   <li>else {@code warning}, SARIF's default: MEDIUM.</li>
 * </ol>
 */
final class FindingSeverities {

    static final String SECURITY_SEVERITY = "security-severity";

    private FindingSeverities() {
    }

    static FindingSeverity of(Sarif.Result result, Sarif.Rule rule) {
        if (result.kind() != null && !result.kind().equals("fail")) {
            return FindingSeverity.NONE;
        }
        return fromSecuritySeverity(result.properties())
                .or(() -> rule == null ? Optional.empty() : fromSecuritySeverity(rule.properties()))
                .or(() -> fromLevel(result.level()))
                .or(() -> rule == null || rule.defaultConfiguration() == null ? Optional.empty() : fromLevel(rule.defaultConfiguration().level()))
                .orElse(FindingSeverity.MEDIUM);
    }

    /** The severity a {@code properties} bag's security-severity says, when it says one Gatehouse can read. */
    static Optional<FindingSeverity> fromSecuritySeverity(JsonNode properties) {
        JsonNode value = properties == null ? null : properties.get(SECURITY_SEVERITY);
        if (value == null || !(value.isNumber() || value.isTextual())) {
            return Optional.empty();
        }
        String text = value.asText().strip().toLowerCase(Locale.ROOT);
        switch (text) {
            case "critical":
                return Optional.of(FindingSeverity.CRITICAL);
            case "high":
                return Optional.of(FindingSeverity.HIGH);
            case "medium":
                return Optional.of(FindingSeverity.MEDIUM);
            case "low":
                return Optional.of(FindingSeverity.LOW);
            default:
                return cvssBand(text);
        }
    }

    private static Optional<FindingSeverity> cvssBand(String text) {
        double score;
        try {
            score = Double.parseDouble(text);
        } catch (NumberFormatException notAScore) {
            return Optional.empty();
        }
        if (!(score >= 0 && score <= 10)) {
            return Optional.empty();
        }
        if (score >= 9) {
            return Optional.of(FindingSeverity.CRITICAL);
        }
        if (score >= 7) {
            return Optional.of(FindingSeverity.HIGH);
        }
        if (score >= 4) {
            return Optional.of(FindingSeverity.MEDIUM);
        }
        return Optional.of(score > 0 ? FindingSeverity.LOW : FindingSeverity.NONE);
    }

    /** The severity a SARIF level stands for; an unknown level says nothing. */
    static Optional<FindingSeverity> fromLevel(String level) {
        if (level == null) {
            return Optional.empty();
        }
        switch (level) {
            case "error":
                return Optional.of(FindingSeverity.HIGH);
            case "warning":
                return Optional.of(FindingSeverity.MEDIUM);
            case "note":
                return Optional.of(FindingSeverity.LOW);
            case "none":
                return Optional.of(FindingSeverity.NONE);
            default:
                return Optional.empty();
        }
    }
}
