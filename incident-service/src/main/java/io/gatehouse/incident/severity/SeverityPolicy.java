package io.gatehouse.incident.severity;

/**
 * The thresholds of the severity rules. {@link #DEFAULTS} are SPEC.md's defaults for protocol 17.
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

    public static final SeverityPolicy DEFAULTS = new SeverityPolicy("17-defaults-1", 14.4, 0.25, 2, 6.0, 0.05);
}
