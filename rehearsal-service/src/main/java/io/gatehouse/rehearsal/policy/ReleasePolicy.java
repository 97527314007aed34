package io.gatehouse.rehearsal.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatehouse.events.DriftSeverity;
import io.gatehouse.events.FindingSeverity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Protocol 14's policy file ({@code 14.yaml}): what a release requires unless its registration says otherwise, who
 * gives each approval, who may waive which gate, the thresholds of gates 1 to 4, the deployment checklist, and where a
 * gate's failure is announced. Its version is the SHA-256 of the file's bytes, recorded with every evaluation taken
 * under it.
 */
public record ReleasePolicy(String version, ReleaseDefaults defaults, ApprovalRoles approvals, IntakeConfirmation intakeConfirmation,
                            DeploymentRehearsal deploymentRehearsal, RollbackAndSecurity rollbackAndSecurity,
                            ReadinessApproval readinessApproval, Map<Integer, GateRoute> gateFailureRoutes) {

    public static final String SHIPPED = "/policy/14.yaml";
    /** The approval kind of gate 4; every other kind is an upstream approval (gate 1). */
    public static final String READINESS = "readiness";
    /** The role that always gives a readiness approval; the policy may add others. */
    public static final String RELEASE_MANAGER = "release-manager";

    /** What a registration that names nothing else requires. */
    public record ReleaseDefaults(int rtoMinutes, List<String> requiredArtifacts, List<String> requiredApprovals,
                                  List<String> expectedDifferences) {
    }

    /**
     * Who approves what.
     *
     * @param upstream the role each upstream approval kind needs
     * @param readinessRoles the roles each of which gives gate 4 a readiness approval
     */
    public record ApprovalRoles(Map<String, String> upstream, List<String> readinessRoles) {

        /** Whether {@code kind} is an approval kind this policy knows. */
        public boolean knows(String kind) {
            return READINESS.equals(kind) || upstream.containsKey(kind);
        }

        /** The roles that may give an approval of {@code kind}; empty for a kind the policy does not know. */
        public List<String> rolesFor(String kind) {
            if (READINESS.equals(kind)) {
                return readinessRoles;
            }
            String role = upstream.get(kind);
            return role == null ? List.of() : List.of(role);
        }
    }

    /** Gate 1: every required artifact and upstream approval present, staging's configuration close to production's. */
    public record IntakeConfirmation(double minCompleteness, double maxDrift, DriftSeverity maxDriftSeverity, WaiverRule waiver) {
    }

    /** Gate 2: the deployment rehearsal succeeded, every test of the required suites passed, coverage high enough. */
    public record DeploymentRehearsal(List<String> requiredSuites, int maxBlockingErrors, double minCoverage) {
    }

    /**
     * Gate 3: the rollback rehearsal succeeded within the release's RTO, and security scans found nothing blocking.
     *
     * @param blockingSeverityAbove a finding of a higher severity blocks
     */
    public record RollbackAndSecurity(FindingSeverity blockingSeverityAbove, int maxBlockingFindings, WaiverRule waiver) {
    }

    /** Gate 4: the package complete, every readiness approval given and current, the checklist complete, approvals prompt. */
    public record ReadinessApproval(double minPackageCompleteness, double maxApprovalLatencyHours, List<ChecklistItem> deploymentChecklist) {
    }

    /** Who may waive {@code gate}; empty for gates 2 and 4, which protocol 14 forbids waiving. */
    public Optional<WaiverRule> waiverFor(int gate) {
        if (gate == 1) {
            return Optional.of(intakeConfirmation.waiver());
        }
        if (gate == 3) {
            return Optional.of(rollbackAndSecurity.waiver());
        }
        return Optional.empty();
    }

    /** Where {@code gate}'s failure is announced. */
    public GateRoute routeFor(int gate) {
        return gateFailureRoutes.get(gate);
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    record File(Release release, Approvals approvals, Gates gates, Notifications notifications) {
    }

    record Release(Integer rtoMinutes, List<String> requiredArtifacts, List<String> requiredApprovals, List<String> expectedDifferences) {
    }

    record Approvals(Map<String, String> upstream, List<String> readinessRoles) {
    }

    record Gates(Intake intakeConfirmation, Rehearsal deploymentRehearsal, Rollback rollbackAndSecurity, Readiness readinessApproval) {
    }

    record Intake(Double minCompleteness, Double maxDrift, DriftSeverity maxDriftSeverity, Waiver waiver) {
    }

    record Rehearsal(List<String> requiredSuites, Integer maxBlockingErrors, Double minCoverage) {
    }

    record Rollback(FindingSeverity blockingSeverityAbove, Integer maxBlockingFindings, Waiver waiver) {
    }

    record Readiness(Double minPackageCompleteness, Double maxApprovalLatencyHours, List<String> deploymentChecklist) {
    }

    record Waiver(List<String> roles, Boolean compensatingControlsRequired) {
    }

    record Notifications(Map<Integer, Route> gateFailures) {
    }

    record Route(List<String> channels, List<String> audience) {
    }

    /** The policy shipped with Gatehouse: SPEC.md's defaults. */
    public static ReleasePolicy shipped() {
        try (InputStream in = ReleasePolicy.class.getResourceAsStream(SHIPPED)) {
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
    public static ReleasePolicy parse(byte[] yaml, String origin) {
        File file;
        try {
            file = YAML.readValue(yaml, File.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("policy " + origin + " is not a valid 14.yaml: " + e.getMessage(), e);
        }
        Check check = new Check(origin);
        if (file == null || file.release() == null || file.approvals() == null || file.gates() == null || file.notifications() == null) {
            throw check.fail("needs the sections release, approvals, gates and notifications");
        }
        ApprovalRoles approvals = approvalsOf(file.approvals(), check);
        return new ReleasePolicy("sha256:" + sha256(yaml), defaultsOf(file.release(), approvals, check), approvals,
                intakeOf(file.gates().intakeConfirmation(), check), rehearsalOf(file.gates().deploymentRehearsal(), check),
                rollbackOf(file.gates().rollbackAndSecurity(), check), readinessOf(file.gates().readinessApproval(), check),
                routesOf(file.notifications(), check));
    }

    private static ApprovalRoles approvalsOf(Approvals approvals, Check check) {
        Map<String, String> upstream = new TreeMap<>();
        if (approvals.upstream() != null) {
            approvals.upstream().forEach((kind, role) -> {
                if (READINESS.equals(kind)) {
                    throw check.fail("approvals.upstream cannot name " + READINESS + ": its roles are approvals.readinessRoles");
                }
                upstream.put(kind, check.text(role, "approvals.upstream." + kind));
            });
        }
        List<String> readinessRoles = check.texts(approvals.readinessRoles(), "approvals.readinessRoles");
        if (!readinessRoles.contains(RELEASE_MANAGER)) {
            throw check.fail("approvals.readinessRoles must include " + RELEASE_MANAGER + ": protocol 14 always needs the release manager's approval");
        }
        return new ApprovalRoles(Map.copyOf(upstream), readinessRoles);
    }

    private static ReleaseDefaults defaultsOf(Release release, ApprovalRoles approvals, Check check) {
        int rto = (int) check.positive(release.rtoMinutes() == null ? null : release.rtoMinutes().doubleValue(), "release.rtoMinutes");
        List<String> requiredApprovals = check.texts(release.requiredApprovals(), "release.requiredApprovals");
        for (String kind : requiredApprovals) {
            if (!approvals.knows(kind)) {
                throw check.fail("release.requiredApprovals names " + kind + ", which approvals.upstream gives no role");
            }
        }
        if (!requiredApprovals.contains(READINESS)) {
            throw check.fail("release.requiredApprovals must include " + READINESS + ": gate 4 cannot pass without it");
        }
        return new ReleaseDefaults(rto, check.textsOrEmpty(release.requiredArtifacts(), "release.requiredArtifacts"), requiredApprovals,
                check.textsOrEmpty(release.expectedDifferences(), "release.expectedDifferences"));
    }

    private static IntakeConfirmation intakeOf(Intake intake, Check check) {
        if (intake == null || intake.maxDriftSeverity() == null) {
            throw check.fail("needs gates.intakeConfirmation with minCompleteness, maxDrift, maxDriftSeverity and waiver");
        }
        return new IntakeConfirmation(check.share(intake.minCompleteness(), "gates.intakeConfirmation.minCompleteness"),
                check.share(intake.maxDrift(), "gates.intakeConfirmation.maxDrift"), intake.maxDriftSeverity(),
                check.waiver(intake.waiver(), "gates.intakeConfirmation.waiver"));
    }

    private static DeploymentRehearsal rehearsalOf(Rehearsal rehearsal, Check check) {
        if (rehearsal == null) {
            throw check.fail("needs gates.deploymentRehearsal with requiredSuites, maxBlockingErrors and minCoverage");
        }
        return new DeploymentRehearsal(check.texts(rehearsal.requiredSuites(), "gates.deploymentRehearsal.requiredSuites"),
                check.count(rehearsal.maxBlockingErrors(), "gates.deploymentRehearsal.maxBlockingErrors"),
                check.share(rehearsal.minCoverage(), "gates.deploymentRehearsal.minCoverage"));
    }

    private static RollbackAndSecurity rollbackOf(Rollback rollback, Check check) {
        if (rollback == null || rollback.blockingSeverityAbove() == null) {
            throw check.fail("needs gates.rollbackAndSecurity with blockingSeverityAbove, maxBlockingFindings and waiver");
        }
        return new RollbackAndSecurity(rollback.blockingSeverityAbove(),
                check.count(rollback.maxBlockingFindings(), "gates.rollbackAndSecurity.maxBlockingFindings"),
                check.waiver(rollback.waiver(), "gates.rollbackAndSecurity.waiver"));
    }

    private static ReadinessApproval readinessOf(Readiness readiness, Check check) {
        if (readiness == null) {
            throw check.fail("needs gates.readinessApproval with minPackageCompleteness, maxApprovalLatencyHours and deploymentChecklist");
        }
        List<ChecklistItem> checklist = new ArrayList<>();
        for (String id : check.texts(readiness.deploymentChecklist(), "gates.readinessApproval.deploymentChecklist")) {
            try {
                checklist.add(ChecklistItem.of(id));
            } catch (IllegalArgumentException e) {
                throw check.fail("gates.readinessApproval.deploymentChecklist: " + e.getMessage());
            }
        }
        return new ReadinessApproval(check.share(readiness.minPackageCompleteness(), "gates.readinessApproval.minPackageCompleteness"),
                check.positive(readiness.maxApprovalLatencyHours(), "gates.readinessApproval.maxApprovalLatencyHours"), List.copyOf(checklist));
    }

    private static Map<Integer, GateRoute> routesOf(Notifications notifications, Check check) {
        Map<Integer, GateRoute> routes = new LinkedHashMap<>();
        for (int gate = 1; gate <= 4; gate++) {
            Route route = notifications.gateFailures() == null ? null : notifications.gateFailures().get(gate);
            if (route == null) {
                throw check.fail("notifications.gateFailures." + gate + " needs channels and audience");
            }
            routes.put(gate, new GateRoute(check.texts(route.channels(), "notifications.gateFailures." + gate + ".channels"),
                    check.texts(route.audience(), "notifications.gateFailures." + gate + ".audience")));
        }
        return Map.copyOf(routes);
    }

    /** The checks of one file, each failure naming the file and the field. */
    private record Check(String origin) {

        IllegalArgumentException fail(String what) {
            return new IllegalArgumentException("policy " + origin + ": " + what);
        }

        String text(String value, String field) {
            if (value == null || value.isBlank()) {
                throw fail(field + " must not be empty");
            }
            return value;
        }

        List<String> texts(List<String> values, String field) {
            if (values == null || values.isEmpty()) {
                throw fail(field + " needs at least one entry");
            }
            return textsOrEmpty(values, field);
        }

        List<String> textsOrEmpty(List<String> values, String field) {
            return values == null ? List.of() : values.stream().map(v -> text(v, field)).toList();
        }

        double positive(Double value, String field) {
            if (value == null || !(value > 0)) {
                throw fail(field + " must be a number above 0");
            }
            return value;
        }

        double share(Double value, String field) {
            if (value == null || !(value >= 0 && value <= 1)) {
                throw fail(field + " is a share, 0..1");
            }
            return value;
        }

        int count(Integer value, String field) {
            if (value == null || value < 0) {
                throw fail(field + " must be 0 or more");
            }
            return value;
        }

        WaiverRule waiver(Waiver waiver, String field) {
            if (waiver == null) {
                throw fail(field + " needs roles");
            }
            List<String> roles = texts(waiver.roles(), field + ".roles");
            if (roles.stream().distinct().count() != roles.size()) {
                throw fail(field + ".roles names a role twice");
            }
            return new WaiverRule(roles, Boolean.TRUE.equals(waiver.compensatingControlsRequired()));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
