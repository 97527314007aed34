package io.gatehouse.rehearsal.drift;

import io.gatehouse.events.ConfigCategory;
import io.gatehouse.events.ConfigEntry;
import io.gatehouse.events.DifferenceKind;
import io.gatehouse.events.DriftSeverity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Staging parity, as SPEC.md measures it: drift is the share of compared keys whose staging and production values
 * differ, leaving out the keys expected to differ; its severity is the highest among the differing keys
 * (feature-flag LOW, configuration MEDIUM, infrastructure or a secret present on one side only HIGH). Secrets are
 * compared by presence only, so no secret's value, not even its hash, decides anything or appears in the report.
 */
public final class ConfigurationDrift {

    /** One key that differs; its category is staging's when the sides disagree. */
    public record Difference(String key, ConfigCategory category, DifferenceKind kind, DriftSeverity severity) {
    }

    /**
     * What the comparison found.
     *
     * @param comparedKeys keys present on either side, less those expected to differ
     * @param ignoredKeys keys present on either side but expected to differ, sorted
     * @param differences every differing key, sorted by key
     * @param drift differing keys / compared keys; 0 when nothing was compared
     * @param severity the highest severity among the differences; NONE when there are none
     */
    public record Report(int comparedKeys, List<String> ignoredKeys, List<Difference> differences, double drift, DriftSeverity severity) {
    }

    private ConfigurationDrift() {
    }

    /**
     * Compares two snapshots.
     *
     * @param expectedDifferences keys expected to differ; a {@code *} matches any run of characters
     */
    public static Report measure(Collection<ConfigEntry> staging, Collection<ConfigEntry> production, Collection<String> expectedDifferences) {
        Map<String, ConfigEntry> stagingByKey = byKey(staging);
        Map<String, ConfigEntry> productionByKey = byKey(production);
        Predicate<String> expected = expectedToDiffer(expectedDifferences);
        TreeSet<String> keys = new TreeSet<>(stagingByKey.keySet());
        keys.addAll(productionByKey.keySet());
        List<String> ignored = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        int compared = 0;
        for (String key : keys) {
            if (expected.test(key)) {
                ignored.add(key);
                continue;
            }
            compared++;
            ConfigEntry onStaging = stagingByKey.get(key);
            ConfigEntry onProduction = productionByKey.get(key);
            if (onStaging == null) {
                differences.add(oneSided(key, onProduction.getCategory(), DifferenceKind.ONLY_IN_PRODUCTION));
            } else if (onProduction == null) {
                differences.add(oneSided(key, onStaging.getCategory(), DifferenceKind.ONLY_IN_STAGING));
            } else if (differ(onStaging, onProduction)) {
                differences.add(new Difference(key, onStaging.getCategory(), DifferenceKind.VALUE_DIFFERS,
                        severityOfBoth(onStaging.getCategory(), onProduction.getCategory())));
            }
        }
        DriftSeverity severity = differences.stream().map(Difference::severity).max(Enum::compareTo).orElse(DriftSeverity.NONE);
        return new Report(compared, List.copyOf(ignored), List.copyOf(differences), compared == 0 ? 0 : differences.size() / (double) compared,
                severity);
    }

    private static boolean differ(ConfigEntry staging, ConfigEntry production) {
        if (staging.getCategory() != production.getCategory()) {
            return true;
        }
        // A secret arrives as a hash; only its presence is compared, which both sides have.
        return staging.getCategory() != ConfigCategory.SECRET && !staging.getValue().equals(production.getValue());
    }

    private static Difference oneSided(String key, ConfigCategory category, DifferenceKind kind) {
        return new Difference(key, category, kind, severityOf(category));
    }

    /** A key both sides have, in different categories: a secret on one side only is HIGH, else the worse category. */
    private static DriftSeverity severityOfBoth(ConfigCategory staging, ConfigCategory production) {
        DriftSeverity a = severityOf(staging);
        DriftSeverity b = severityOf(production);
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A differing key's severity by its category; a secret only ever differs by being on one side, which is HIGH. */
    static DriftSeverity severityOf(ConfigCategory category) {
        return switch (category) {
            case FEATURE_FLAG -> DriftSeverity.LOW;
            case CONFIGURATION -> DriftSeverity.MEDIUM;
            case INFRASTRUCTURE, SECRET -> DriftSeverity.HIGH;
        };
    }

    private static Map<String, ConfigEntry> byKey(Collection<ConfigEntry> entries) {
        return entries.stream().collect(Collectors.toMap(ConfigEntry::getKey, e -> e, (first, second) -> second, TreeMap::new));
    }

    private static Predicate<String> expectedToDiffer(Collection<String> patterns) {
        List<Pattern> compiled = patterns.stream()
                .map(p -> Pattern.compile(Pattern.quote(p).replace("*", "\\E.*\\Q"))).toList();
        return key -> compiled.stream().anyMatch(p -> p.matcher(key).matches());
    }
}
