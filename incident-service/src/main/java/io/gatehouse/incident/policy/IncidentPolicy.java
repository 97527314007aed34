package io.gatehouse.incident.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatehouse.incident.severity.ServiceProfile;
import io.gatehouse.incident.severity.SeverityPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Protocol 17's policy file ({@code 17.yaml}): severity thresholds, the service catalog, notification routing (per
 * severity, and per failed gate) and the thresholds of gates 3 and 4. Its version is the
 * SHA-256 of the file's bytes, recorded with every decision taken under it.
 */
public record IncidentPolicy(String version, SeverityPolicy severity, Map<String, ServiceProfile> services, NotificationPolicy notifications,
                             ClosingThresholds closing) {

    /**
     * Thresholds of gates 3 and 4.
     *
     * @param minRecoveryPassRate share of recovery checks that must pass (gate 3)
     * @param minDocumentationCompleteness share of documentation items that must be present (gate 4)
     * @param minRootCauseItems root-cause evidence items the documentation needs (gate 4)
     */
    public record ClosingThresholds(double minRecoveryPassRate, double minDocumentationCompleteness, int minRootCauseItems) {
    }

    public static final String SHIPPED = "/policy/17.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @JsonIgnoreProperties(ignoreUnknown = false)
    record File(Severity severity, Map<String, Service> services, Notifications notifications, Map<Integer, Route> gateFailures,
                Recovery recovery, Resolution resolution) {
    }

    record Recovery(Double minPassRate) {
    }

    record Resolution(Double minDocumentationCompleteness, Integer minRootCauseItems) {
    }

    record Notifications(Integer maxLatencySeconds, Map<io.gatehouse.events.Severity, Route> routes) {
    }

    record Route(List<String> channels, List<String> audience) {
    }

    record Severity(Thresholds sev1, Thresholds sev2) {
    }

    record Thresholds(Double sloBurnRate, Double usersAffectedShare, Integer regionsAffected) {
    }

    record Service(Integer tier, Boolean customerFacing) {
    }

    /** What the catalog says of a service; an unknown or absent one has no tier and is not customer-facing. */
    public ServiceProfile profileOf(String service) {
        return service == null ? ServiceProfile.UNKNOWN : services.getOrDefault(service, ServiceProfile.UNKNOWN);
    }

    /** The policy shipped with Gatehouse: SPEC.md's defaults. */
    public static IncidentPolicy shipped() {
        try (InputStream in = IncidentPolicy.class.getResourceAsStream(SHIPPED)) {
            return parse(in.readAllBytes(), "the shipped " + SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a policy file.
     *
     * @param origin where the bytes came from, for error messages
     * @throws IllegalArgumentException naming the first thing that is missing or wrong
     */
    public static IncidentPolicy parse(byte[] yaml, String origin) {
        File file;
        try {
            file = YAML.readValue(yaml, File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("policy " + origin + " is not a valid 17.yaml: " + e.getMessage(), e);
        }
        if (file == null || file.severity() == null || file.severity().sev1() == null || file.severity().sev2() == null) {
            throw new IllegalArgumentException("policy " + origin + " needs severity.sev1 and severity.sev2");
        }
        String version = "sha256:" + sha256(yaml);
        SeverityPolicy severity = new SeverityPolicy(version,
                positive(file.severity().sev1().sloBurnRate(), "severity.sev1.sloBurnRate", origin),
                share(file.severity().sev1().usersAffectedShare(), "severity.sev1.usersAffectedShare", origin),
                (int) positive(toDouble(file.severity().sev1().regionsAffected()), "severity.sev1.regionsAffected", origin),
                positive(file.severity().sev2().sloBurnRate(), "severity.sev2.sloBurnRate", origin),
                share(file.severity().sev2().usersAffectedShare(), "severity.sev2.usersAffectedShare", origin));
        Map<String, ServiceProfile> services = new TreeMap<>();
        if (file.services() != null) {
            file.services().forEach((name, service) -> {
                if (service == null || service.tier() == null || service.tier() < 1) {
                    throw new IllegalArgumentException("policy " + origin + ": services." + name + ".tier must be 1 or more");
                }
                services.put(name, new ServiceProfile(service.tier(), Boolean.TRUE.equals(service.customerFacing())));
            });
        }
        return new IncidentPolicy(version, severity, Map.copyOf(services), notificationsOf(file.notifications(), file.gateFailures(), origin),
                closingOf(file.recovery(), file.resolution(), origin));
    }

    private static ClosingThresholds closingOf(Recovery recovery, Resolution resolution, String origin) {
        if (recovery == null || resolution == null) {
            throw new IllegalArgumentException("policy " + origin + " needs recovery.minPassRate and resolution.minDocumentationCompleteness, "
                    + "resolution.minRootCauseItems");
        }
        return new ClosingThresholds(share(recovery.minPassRate(), "recovery.minPassRate", origin),
                share(resolution.minDocumentationCompleteness(), "resolution.minDocumentationCompleteness", origin),
                (int) positive(toDouble(resolution.minRootCauseItems()), "resolution.minRootCauseItems", origin));
    }

    private static NotificationPolicy notificationsOf(Notifications notifications, Map<Integer, Route> gateFailures, String origin) {
        if (notifications == null || notifications.routes() == null) {
            throw new IllegalArgumentException("policy " + origin + " needs notifications.routes for SEV_1, SEV_2 and SEV_3");
        }
        Map<io.gatehouse.events.Severity, NotificationPolicy.Route> routes = new EnumMap<>(io.gatehouse.events.Severity.class);
        for (io.gatehouse.events.Severity severity : io.gatehouse.events.Severity.values()) {
            Route route = notifications.routes().get(severity);
            if (route == null || route.channels() == null || route.channels().isEmpty()) {
                throw new IllegalArgumentException("policy " + origin + ": notifications.routes." + severity + " needs at least one channel");
            }
            routes.put(severity, new NotificationPolicy.Route(List.copyOf(route.channels()),
                    route.audience() == null ? List.of() : List.copyOf(route.audience())));
        }
        double maxLatency = positive(toDouble(notifications.maxLatencySeconds()), "notifications.maxLatencySeconds", origin);
        return new NotificationPolicy(Duration.ofSeconds((long) maxLatency), Map.copyOf(routes), gateFailuresOf(gateFailures, origin));
    }

    /** Each of the four gates must say where its failure is announced and to whom: a failure told to nobody is no notice. */
    private static Map<Integer, NotificationPolicy.Route> gateFailuresOf(Map<Integer, Route> gateFailures, String origin) {
        Map<Integer, NotificationPolicy.Route> routes = new TreeMap<>();
        for (int gate = 1; gate <= 4; gate++) {
            Route route = gateFailures == null ? null : gateFailures.get(gate);
            if (route == null || route.channels() == null || route.channels().isEmpty() || route.audience() == null || route.audience().isEmpty()) {
                throw new IllegalArgumentException("policy " + origin + ": gateFailures." + gate + " needs at least one channel and one role in its audience");
            }
            routes.put(gate, new NotificationPolicy.Route(List.copyOf(route.channels()), List.copyOf(route.audience())));
        }
        return Map.copyOf(routes);
    }

    private static double positive(Double value, String field, String origin) {
        if (value == null || !(value > 0)) {
            throw new IllegalArgumentException("policy " + origin + ": " + field + " must be a number above 0");
        }
        return value;
    }

    private static double share(Double value, String field, String origin) {
        double share = positive(value, field, origin);
        if (share > 1) {
            throw new IllegalArgumentException("policy " + origin + ": " + field + " is a share of users, 0..1, not " + share);
        }
        return share;
    }

    private static Double toDouble(Integer value) {
        return value == null ? null : value.doubleValue();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
