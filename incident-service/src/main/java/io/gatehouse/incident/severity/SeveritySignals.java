package io.gatehouse.incident.severity;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * What severity rules look at, gathered from an incident's alerts and the service catalog. A signal no alert
 * reported is null, never a guessed zero.
 *
 * @param sloBurnRate highest error-budget burn rate (label or annotation {@code slo_burn_rate} / {@code burn_rate})
 * @param usersAffectedShare highest share of users affected, 0..1 ({@code users_affected_percent} / 100, or {@code users_affected_ratio})
 * @param regionsAffected distinct {@code region} labels, or a reported {@code regions_affected}, whichever is higher
 * @param sourceSeverity the most severe {@code severity} label (critical, error, warning, info)
 */
public record SeveritySignals(
        Double sloBurnRate,
        Double usersAffectedShare,
        Integer regionsAffected,
        String sourceSeverity,
        Integer serviceTier,
        boolean customerFacing) {

    private static final List<String> SEVERITY_ORDER = List.of("critical", "error", "warning", "info");

    /** The labels and annotations of one alert; a signal may come from either. */
    public record AlertFacts(Map<String, String> labels, Map<String, String> annotations) {
        public String value(String name) {
            String label = labels.get(name);
            return label != null ? label : annotations.get(name);
        }
    }

    public static SeveritySignals from(Collection<AlertFacts> alerts, ServiceProfile service) {
        Set<String> regions = new TreeSet<>();
        alerts.stream().map(a -> a.labels().get("region")).filter(Objects::nonNull).forEach(regions::add);
        OptionalDouble reported = max(alerts, "regions_affected");
        Integer reportedRegions = reported.isPresent() ? (int) reported.getAsDouble() : null;
        Integer regionCount = regions.isEmpty() ? reportedRegions
                : Integer.valueOf(reportedRegions == null ? regions.size() : Math.max(regions.size(), reportedRegions));

        return new SeveritySignals(
                firstPresent(max(alerts, "slo_burn_rate"), max(alerts, "burn_rate")),
                firstPresent(scaled(max(alerts, "users_affected_percent"), 0.01), max(alerts, "users_affected_ratio")),
                regionCount,
                mostSevere(alerts),
                service.tier(),
                service.customerFacing());
    }

    private static OptionalDouble max(Collection<AlertFacts> alerts, String name) {
        return alerts.stream().map(a -> a.value(name)).filter(Objects::nonNull)
                .map(SeveritySignals::parseOrNull).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max();
    }

    static Double parseOrNull(String value) {
        try {
            double parsed = Double.parseDouble(value.trim().replace("%", ""));
            return Double.isFinite(parsed) ? parsed : null;
        } catch (NumberFormatException notANumber) {
            // A label that is not a number is no signal; the rules treat it as not reported.
            return null;
        }
    }

    private static OptionalDouble scaled(OptionalDouble value, double factor) {
        return value.isPresent() ? OptionalDouble.of(value.getAsDouble() * factor) : value;
    }

    private static Double firstPresent(OptionalDouble first, OptionalDouble second) {
        return first.isPresent() ? Double.valueOf(first.getAsDouble()) : second.isPresent() ? Double.valueOf(second.getAsDouble()) : null;
    }

    private static String mostSevere(Collection<AlertFacts> alerts) {
        return alerts.stream().map(a -> a.labels().get("severity")).filter(Objects::nonNull)
                .map(s -> s.toLowerCase(Locale.ROOT))
                .min(Comparator.comparingInt(s -> SEVERITY_ORDER.contains(s) ? SEVERITY_ORDER.indexOf(s) : SEVERITY_ORDER.size()))
                .orElse(null);
    }
}
