package io.gatehouse.rehearsal;

import io.gatehouse.events.AuditStatus;
import io.gatehouse.events.ConfigCategory;
import io.gatehouse.events.ConfigEntry;
import io.gatehouse.events.ConfigSnapshot;
import io.gatehouse.events.CoverageSummary;
import io.gatehouse.events.FindingSeverity;
import io.gatehouse.events.LicenseAudit;
import io.gatehouse.events.ObservabilityBaseline;
import io.gatehouse.events.OperationalReadiness;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.RehearsalStep;
import io.gatehouse.events.Runbook;
import io.gatehouse.events.RunStatus;
import io.gatehouse.events.SecurityFinding;
import io.gatehouse.events.SecurityScanSummary;
import io.gatehouse.events.StoredArtifact;
import io.gatehouse.events.TestReportSummary;
import io.gatehouse.events.UpstreamArtifact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Pipeline results as intake-service publishes them (RehearsalResultReceived), one builder per kind. */
public final class TestResults {

    public static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    /** The shipped policy's default required artifacts. */
    public static final List<String> ARTIFACTS = List.of("QUALITY-AUDIT-PACKAGE.zip", "INTEGRATION-EVIDENCE.zip", "UAT-CLOSURE-PACKAGE.zip",
            "release-manifest.json", "deploy.sh", "rollback.sh");
    public static final List<String> SUITES = List.of("smoke", "acceptance", "regression");

    private TestResults() {
    }

    public static RehearsalResultReceived result(String release, RehearsalResultKind kind, String scope, Instant at, Object summary) {
        byte[] bytes = String.valueOf(summary).getBytes(StandardCharsets.UTF_8);
        return RehearsalResultReceived.newBuilder().setRelease(release).setKind(kind).setScope(scope).setFormat("json")
                .setArtifact(StoredArtifact.newBuilder().setSha256(sha256(bytes)).setSizeBytes(bytes.length).setMediaType("application/json").build())
                .setSubmittedBy("pipeline-bot").setReceivedAt(at).setSummary(summary).build();
    }

    public static RehearsalResultReceived artifact(String release, String name, Instant at) {
        return artifact(release, name, sha256(name.getBytes(StandardCharsets.UTF_8)), at);
    }

    public static RehearsalResultReceived artifact(String release, String name, String sha256, Instant at) {
        return result(release, RehearsalResultKind.UPSTREAM_ARTIFACT, name, at, UpstreamArtifact.newBuilder().setName(name).setSha256(sha256)
                .setSizeBytes(2048).setUri("s3://artifacts/" + release + "/" + name).build());
    }

    public static ConfigEntry entry(String key, String value, ConfigCategory category) {
        return ConfigEntry.newBuilder().setKey(key).setValue(value).setCategory(category).build();
    }

    public static RehearsalResultReceived snapshot(String release, String environment, Instant at, List<ConfigEntry> entries) {
        return result(release, RehearsalResultKind.CONFIG_SNAPSHOT, environment, at,
                ConfigSnapshot.newBuilder().setEnvironment(environment).setEntries(entries).build());
    }

    /** Twenty keys of every category, the same on both sides but for the hosts (expected to differ). */
    public static List<ConfigEntry> configuration(String environment) {
        List<ConfigEntry> entries = new ArrayList<>();
        entries.add(entry("db.host", environment + "-db.internal", ConfigCategory.INFRASTRUCTURE));
        for (int i = 1; i <= 5; i++) {
            entries.add(entry("infra.key" + i, "i" + i, ConfigCategory.INFRASTRUCTURE));
            entries.add(entry("config.key" + i, "c" + i, ConfigCategory.CONFIGURATION));
            entries.add(entry("flag.key" + i, "true", ConfigCategory.FEATURE_FLAG));
            entries.add(entry("secret.key" + i, "sha256:" + sha256((environment + i).getBytes(StandardCharsets.UTF_8)), ConfigCategory.SECRET));
        }
        return entries;
    }

    public static RehearsalResultReceived deployment(String release, RunStatus status, Integer blockingErrors, Instant at) {
        return result(release, RehearsalResultKind.DEPLOYMENT_REHEARSAL, null, at, run(status, Duration.ofMinutes(6), blockingErrors, at));
    }

    public static RehearsalResultReceived rollback(String release, RunStatus status, Duration took, Instant at) {
        return result(release, RehearsalResultKind.ROLLBACK_REHEARSAL, null, at, run(status, took, null, at));
    }

    private static RehearsalRun run(RunStatus status, Duration took, Integer blockingErrors, Instant finishedAt) {
        Instant startedAt = finishedAt.minus(took);
        return RehearsalRun.newBuilder().setStatus(status).setStartedAt(startedAt).setFinishedAt(finishedAt)
                .setBlockingErrors(blockingErrors).setNonBlockingErrors(blockingErrors == null ? null : 0)
                .setSteps(List.of(RehearsalStep.newBuilder().setName("apply").setStatus(status).setStartedAt(startedAt).setFinishedAt(finishedAt).build()))
                .setLog("step apply: " + status).build();
    }

    public static RehearsalResultReceived tests(String release, String suite, int tests, int failed, Instant at) {
        List<String> failedTests = new ArrayList<>();
        for (int i = 1; i <= failed; i++) {
            failedTests.add("com.example.CheckoutIT.case" + i);
        }
        return result(release, RehearsalResultKind.TEST_REPORT, suite, at, TestReportSummary.newBuilder().setSuite(suite).setTests(tests)
                .setFailures(failed).setErrors(0).setSkipped(0).setFailedTests(failedTests).setWarnings(List.of()).build());
    }

    public static RehearsalResultReceived coverage(String release, Double ratio, Instant at) {
        long covered = ratio == null ? 0 : Math.round(ratio * 10_000);
        return result(release, RehearsalResultKind.COVERAGE, null, at, CoverageSummary.newBuilder().setFormat("jacoco").setCounter("LINE")
                .setCovered(covered).setMissed(ratio == null ? 0 : 10_000 - covered).setRatio(ratio).build());
    }

    public static SecurityFinding finding(String ruleId, FindingSeverity severity) {
        return SecurityFinding.newBuilder().setRuleId(ruleId).setSeverity(severity).setMessage(ruleId + " found")
                .setLocation("src/main/App.java:42").setSuppressed(false).build();
    }

    /** A scan as intake summarizes it: unsuppressed findings counted by severity, those above MEDIUM listed as blocking. */
    public static RehearsalResultReceived scan(String release, Instant at, SecurityFinding... findings) {
        Map<String, Integer> counts = new TreeMap<>();
        Arrays.stream(findings).filter(f -> !f.getSuppressed()).forEach(f -> counts.merge(f.getSeverity().name(), 1, Integer::sum));
        List<SecurityFinding> blocking = Arrays.stream(findings).filter(f -> !f.getSuppressed() && f.getSeverity().compareTo(FindingSeverity.MEDIUM) > 0)
                .toList();
        return result(release, RehearsalResultKind.SECURITY_SCAN, null, at, SecurityScanSummary.newBuilder().setTools(List.of("trivy 0.50"))
                .setFindings(findings.length).setCountsBySeverity(counts).setBlocking(blocking.size())
                .setSuppressed((int) Arrays.stream(findings).filter(SecurityFinding::getSuppressed).count()).setBlockingFindings(blocking).build());
    }

    public static RehearsalResultReceived baseline(String release, Instant at) {
        return result(release, RehearsalResultKind.OBSERVABILITY_BASELINE, null, at, ObservabilityBaseline.newBuilder().setCapturedAt(at)
                .setMetrics(Map.of("p95LatencyMs", 320.0, "errorRate", 0.002)).build());
    }

    public static RehearsalResultReceived operational(String release, String primary, String backup, Instant at) {
        return result(release, RehearsalResultKind.OPERATIONAL_READINESS, null, at, OperationalReadiness.newBuilder()
                .setRunbooks(List.of(Runbook.newBuilder().setName("checkout.md").setUpdatedAt(at.minus(Duration.ofDays(1))).build()))
                .setOnCallPrimary(primary).setOnCallBackup(backup).build());
    }

    public static RehearsalResultReceived license(String release, AuditStatus status, Instant at) {
        return result(release, RehearsalResultKind.LICENSE_AUDIT, null, at, LicenseAudit.newBuilder().setStatus(status)
                .setFindings(status == AuditStatus.PASSED ? List.of() : List.of("GPL-3.0 in libfoo")).build());
    }

    /**
     * Every result a release needs for gates 1 to 3 and the deployment checklist to pass, one second apart from
     * {@code from}: the artifacts, both snapshots, the rehearsals, the three suites, coverage, a clean scan, the baseline,
     * operational readiness and a passed license audit.
     */
    public static List<RehearsalResultReceived> passingRehearsal(String release, String staging, String production, Instant from) {
        List<RehearsalResultReceived> results = new ArrayList<>();
        // Each result a second after the one before, built at its time (a copying builder would deep-copy through
        // Avro's own class loader, which is not the application's under a Quarkus test).
        Supplier<Instant> next = () -> from.plusSeconds(results.size());
        ARTIFACTS.forEach(name -> results.add(artifact(release, name, next.get())));
        results.add(snapshot(release, staging, next.get(), configuration(staging)));
        results.add(snapshot(release, production, next.get(), configuration(production)));
        results.add(deployment(release, RunStatus.SUCCEEDED, 0, next.get()));
        SUITES.forEach(suite -> results.add(tests(release, suite, 40, 0, next.get())));
        results.add(coverage(release, 0.93, next.get()));
        results.add(rollback(release, RunStatus.SUCCEEDED, Duration.ofMinutes(4), next.get()));
        results.add(scan(release, next.get(), finding("java/weak-hash", FindingSeverity.LOW)));
        results.add(baseline(release, next.get()));
        results.add(operational(release, "alex", "jordan", next.get()));
        results.add(license(release, AuditStatus.PASSED, next.get()));
        return results;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
