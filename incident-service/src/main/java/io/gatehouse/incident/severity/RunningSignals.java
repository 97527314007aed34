package io.gatehouse.incident.severity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What {@link SeveritySignals#from} gathers over an incident's alerts, kept as running aggregates on the incident's row,
 * so that one more alert is folded in at a constant cost instead of gathering over every alert again. Folding the
 * alerts in their order gives exactly what {@link SeveritySignals#from} gives over them: the same maxima, the same
 * region set, and for equally severe {@code severity} labels the first one.
 */
@Embeddable
public class RunningSignals {

    private static final List<String> SEVERITY_ORDER = List.of("critical", "error", "warning", "info");

    @Column(name = "max_slo_burn_rate")
    private Double maxSloBurnRate;

    @Column(name = "max_burn_rate")
    private Double maxBurnRate;

    @Column(name = "max_users_affected_percent")
    private Double maxUsersAffectedPercent;

    @Column(name = "max_users_affected_ratio")
    private Double maxUsersAffectedRatio;

    @Column(name = "max_regions_affected")
    private Double maxRegionsAffected;

    /** The distinct {@code region} labels, sorted. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "regions")
    private List<String> regions;

    @Column(name = "source_severity")
    private String sourceSeverity;

    /** The aggregates of the alerts in {@code alerts}, in their order. */
    public static RunningSignals over(Iterable<SeveritySignals.AlertFacts> alerts) {
        RunningSignals signals = new RunningSignals();
        alerts.forEach(signals::fold);
        return signals;
    }

    /** Takes one more alert into account, the latest in the incident's order. */
    public void fold(SeveritySignals.AlertFacts alert) {
        maxSloBurnRate = max(maxSloBurnRate, alert.value("slo_burn_rate"));
        maxBurnRate = max(maxBurnRate, alert.value("burn_rate"));
        maxUsersAffectedPercent = max(maxUsersAffectedPercent, alert.value("users_affected_percent"));
        maxUsersAffectedRatio = max(maxUsersAffectedRatio, alert.value("users_affected_ratio"));
        maxRegionsAffected = max(maxRegionsAffected, alert.value("regions_affected"));
        String region = alert.labels().get("region");
        if (region != null) {
            List<String> known = regions == null ? List.of() : regions;
            int at = Collections.binarySearch(known, region);
            if (at < 0) {
                // A new list, not the one Hibernate holds: a changed value is what it writes back.
                List<String> grown = new ArrayList<>(known);
                grown.add(-at - 1, region);
                regions = grown;
            }
        }
        String severity = alert.labels().get("severity");
        if (severity != null) {
            String lowered = severity.toLowerCase(Locale.ROOT);
            // Strictly more severe only: of equally severe labels, the first stays.
            if (sourceSeverity == null || rank(lowered) < rank(sourceSeverity)) {
                sourceSeverity = lowered;
            }
        }
    }

    /** The signals of the alerts folded in so far, for {@code service}. */
    public SeveritySignals signals(ServiceProfile service) {
        Integer reportedRegions = maxRegionsAffected == null ? null : (int) maxRegionsAffected.doubleValue();
        int regionCount = regions == null ? 0 : regions.size();
        Integer regionsAffected = regionCount == 0 ? reportedRegions
                : Integer.valueOf(reportedRegions == null ? regionCount : Math.max(regionCount, reportedRegions));
        return new SeveritySignals(
                maxSloBurnRate != null ? maxSloBurnRate : maxBurnRate,
                maxUsersAffectedPercent != null ? Double.valueOf(maxUsersAffectedPercent * 0.01) : maxUsersAffectedRatio,
                regionsAffected,
                sourceSeverity,
                service.tier(),
                service.customerFacing());
    }

    private static Double max(Double current, String value) {
        Double parsed = value == null ? null : SeveritySignals.parseOrNull(value);
        if (parsed == null) {
            return current;
        }
        return current == null ? parsed : Double.valueOf(Math.max(current, parsed));
    }

    private static int rank(String severity) {
        int rank = SEVERITY_ORDER.indexOf(severity);
        return rank < 0 ? SEVERITY_ORDER.size() : rank;
    }
}
