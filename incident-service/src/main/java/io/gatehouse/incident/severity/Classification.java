package io.gatehouse.incident.severity;

import io.gatehouse.events.Severity;

/**
 * A proposed severity and why.
 *
 * @param rule identifier of the rule that fired, e.g. {@code sev1.slo-burn-rate}
 * @param rationale the rule in words with the values that made it fire
 */
public record Classification(Severity severity, String rule, String rationale, String policyVersion) {
}
