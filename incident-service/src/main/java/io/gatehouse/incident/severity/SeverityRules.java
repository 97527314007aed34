package io.gatehouse.incident.severity;

import io.gatehouse.events.Severity;
import java.util.Locale;

/**
 * Protocol 17's severity rules, most severe first; the first rule that holds decides. SEV-1: burn rate, users
 * affected, regions affected, or the source says critical on a customer-facing tier-1 service. SEV-2: a lower
 * burn rate or share of users, or any customer-facing service. Otherwise SEV-3.
 */
public final class SeverityRules {

    private final SeverityPolicy policy;

    public SeverityRules(SeverityPolicy policy) {
        this.policy = policy;
    }

    public Classification classify(SeveritySignals signals) {
        Double burn = signals.sloBurnRate();
        Double users = signals.usersAffectedShare();
        Integer regions = signals.regionsAffected();

        if (burn != null && burn >= policy.sev1BurnRate()) {
            return decide(Severity.SEV_1, "sev1.slo-burn-rate", "SLO burn rate " + number(burn) + " ≥ " + number(policy.sev1BurnRate()));
        }
        if (users != null && users >= policy.sev1UsersAffectedShare()) {
            return decide(Severity.SEV_1, "sev1.users-affected", percent(users) + " of users affected ≥ " + percent(policy.sev1UsersAffectedShare()));
        }
        if (regions != null && regions >= policy.sev1RegionsAffected()) {
            return decide(Severity.SEV_1, "sev1.regions-affected", regions + " regions affected ≥ " + policy.sev1RegionsAffected());
        }
        if ("critical".equals(signals.sourceSeverity()) && signals.customerFacing() && Integer.valueOf(1).equals(signals.serviceTier())) {
            return decide(Severity.SEV_1, "sev1.critical-on-tier1-customer-facing",
                    "the source says critical on a customer-facing tier-1 service");
        }
        if (burn != null && burn >= policy.sev2BurnRate()) {
            return decide(Severity.SEV_2, "sev2.slo-burn-rate", "SLO burn rate " + number(burn) + " ≥ " + number(policy.sev2BurnRate()));
        }
        if (users != null && users >= policy.sev2UsersAffectedShare()) {
            return decide(Severity.SEV_2, "sev2.users-affected", percent(users) + " of users affected ≥ " + percent(policy.sev2UsersAffectedShare()));
        }
        if (signals.customerFacing()) {
            return decide(Severity.SEV_2, "sev2.customer-facing", "the service is customer-facing");
        }
        return decide(Severity.SEV_3, "sev3.default", "no SEV-1 or SEV-2 rule holds");
    }

    private Classification decide(Severity severity, String rule, String rationale) {
        return new Classification(severity, rule, rationale, policy.version());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    private static String percent(double share) {
        return number(Math.round(share * 10000) / 100.0) + " %";
    }
}
