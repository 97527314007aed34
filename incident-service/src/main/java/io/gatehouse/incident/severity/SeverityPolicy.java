package io.gatehouse.incident.severity;

/**
 * The thresholds of the severity rules, from the policy file (io.gatehouse.incident.policy).
 *
 * @param version recorded with every classification, so a severity can be traced to the policy that gave it
 */
public record SeverityPolicy(
        String version,
        double sev1BurnRate,
        double sev1UsersAffectedShare,
        int sev1RegionsAffected,
        double sev2BurnRate,
        double sev2UsersAffectedShare) {
}
