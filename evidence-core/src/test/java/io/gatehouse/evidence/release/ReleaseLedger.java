package io.gatehouse.evidence.release;

import io.gatehouse.events.ApprovalGranted;
import io.gatehouse.events.AuditStatus;
import io.gatehouse.events.ConfigCategory;
import io.gatehouse.events.ConfigDifference;
import io.gatehouse.events.ConfigEntry;
import io.gatehouse.events.ConfigSnapshot;
import io.gatehouse.events.ConfigurationDriftMeasured;
import io.gatehouse.events.CoverageSummary;
import io.gatehouse.events.DataRefresh;
import io.gatehouse.events.Dataset;
import io.gatehouse.events.DifferenceKind;
import io.gatehouse.events.DriftSeverity;
import io.gatehouse.events.FindingSeverity;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateFailureAnnounced;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateStanding;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.LicenseAudit;
import io.gatehouse.events.NotificationOutcome;
import io.gatehouse.events.ObservabilityBaseline;
import io.gatehouse.events.OperationalReadiness;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.RehearsalStep;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseDecision;
import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.events.RollbackRehearsalAssessed;
import io.gatehouse.events.RunStatus;
import io.gatehouse.events.Runbook;
import io.gatehouse.events.SecurityFinding;
import io.gatehouse.events.SecurityScanSummary;
import io.gatehouse.events.StoredArtifact;
import io.gatehouse.events.TestReportSummary;
import io.gatehouse.events.UpstreamArtifact;
import io.gatehouse.evidence.SyntheticLedger;
import io.gatehouse.evidence.artifacts.Evidence;
import io.gatehouse.evidence.artifacts.EvidenceRenderer;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.log.HashChain;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * A release's events as the ledger holds them, for the renderer's tests: appended in ledger order, the n-th with id
 * {@code event-n}, times given as minutes after {@link #T0}.
 */
final class ReleaseLedger {

    static final String GO_RELEASE = "rel-100";
    static final String NO_GO_RELEASE = "rel-200";
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    static final List<String> ARTIFACTS = List.of("QUALITY-AUDIT-PACKAGE.zip", "INTEGRATION-EVIDENCE.zip", "UAT-CLOSURE-PACKAGE.zip",
            "release-manifest.json", "deploy.sh", "rollback.sh");
    static final String SECRET_DIGEST = "sha256:5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    private static final String POLICY = "9f2c4e1a";
    private static final List<String> GATE_NAMES = List.of("Intake confirmation", "Deployment rehearsal", "Rollback and security",
            "Readiness approval");

    private final String release;
    private final SyntheticLedger ledger = new SyntheticLedger(500);

    ReleaseLedger(String release) {
        this.release = release;
    }

    /** Appends the event, recorded {@code minutes} after T0; returns its ledger entry. */
    LedgerEvent add(long minutes, SpecificRecord event) {
        return ledger.append(at(minutes), event);
    }

    List<LedgerEvent> events() {
        return ledger.events();
    }

    Evidence render() {
        return EvidenceRenderer.render(new ReleaseArtifacts(), release, ledger.events());
    }

    static Instant at(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }

    /**
     * A release that is GO: every input in, every gate passed, ids as numbered: registration (event-1), the six
     * upstream artifacts (2 to 7), the upstream approvals (8 to 10), both snapshots and their drift (11 to 13), gate 1
     * (14), the data refresh (15), deployment rehearsal, tests and coverage (16 to 20), the baseline captured twice
     * (21, 22), gate 2 (23), rollback rehearsal and its assessment (24, 25), scan, license audit, operational readiness
     * (26 to 28), gate 3 (29), the readiness approval (30), gate 4 (31), GO (32).
     */
    static ReleaseLedger go() {
        ReleaseLedger ledger = new ReleaseLedger(GO_RELEASE);
        ledger.add(0, ledger.registered());
        ARTIFACTS.forEach(name -> ledger.add(1, ledger.upstreamArtifact(name, 1)));
        ledger.add(2, ledger.approval("quality-audit-readiness", "senior-quality-engineer", "quinn", 2, null));
        ledger.add(2, ledger.approval("scope-fixed", "product-owner", "pat", 2, null));
        ledger.add(2, ledger.approval("staging-rehearsal-clearance", "security-lead", "sam", 2, at(60 * 24 * 30)));
        ledger.add(3, ledger.snapshot("staging", 3));
        ledger.add(3, ledger.snapshot("production", 3));
        ledger.add(3, ledger.drift("event-11", "event-12", 30, List.of(difference("flags.new-checkout", ConfigCategory.FEATURE_FLAG,
                DifferenceKind.VALUE_DIFFERS, DriftSeverity.LOW)), DriftSeverity.LOW, 3));
        ledger.add(3, ledger.gate(1, GateOutcome.PASSED, 3, Map.of("completeness", 1.0, "configurationDrift", 0.0333, "driftSeverity", 1.0),
                List.of(), List.of("event-1", "event-13")));
        ledger.add(4, ledger.result(RehearsalResultKind.DATA_REFRESH, null, "json", 4, DataRefresh.newBuilder().setRefreshedAt(at(4))
                .setDatasets(List.of(Dataset.newBuilder().setName("customers").setRows(12_000).setSource("prod-anonymized-2026-11-19").build(),
                        Dataset.newBuilder().setName("orders").setRows(250_000).setSource("synthetic").build()))
                .setFeatureFlags(new TreeMap<>(Map.of("new-checkout", true, "legacy-cart", false))).build()));
        ledger.add(10, ledger.run(RehearsalResultKind.DEPLOYMENT_REHEARSAL, RunStatus.SUCCEEDED, 6, 10, 0, 0, null,
                "deploying checkout 2.4.0\nmigrations applied\nhealth check green\n"));
        ledger.add(11, ledger.tests("smoke", 12, 0, 0, 0, 11));
        ledger.add(12, ledger.tests("acceptance", 40, 0, 0, 2, 12));
        ledger.add(13, ledger.tests("regression", 310, 0, 0, 5, 13));
        ledger.add(13, ledger.coverage("jacoco", 930, 70, 0.93, 13));
        ledger.add(14, ledger.baseline(14, Map.of("p95LatencyMs", 410.0, "errorRate", 0.004)));
        ledger.add(15, ledger.baseline(15, Map.of("p95LatencyMs", 320.0, "errorRate", 0.002, "cpuUtilization", 0.415)));
        ledger.add(15, ledger.gate(2, GateOutcome.PASSED, 15, Map.of("deploymentSucceeded", 1.0, "blockingErrors", 0.0, "testsTotal", 362.0,
                "testsFailed", 0.0, "coverage", 0.93), List.of(), List.of("event-16", "event-17", "event-18", "event-19", "event-20")));
        ledger.add(22, ledger.run(RehearsalResultKind.ROLLBACK_REHEARSAL, RunStatus.SUCCEEDED, 15, 22, null, null, null, "rolled back to 2.3.1\n"));
        ledger.add(22, ledger.assessed("event-24", true, 420.0, 22));
        ledger.add(23, ledger.scan(null, 23, 0, 1, List.of(finding("CVE-2026-0001", FindingSeverity.HIGH, true))));
        ledger.add(23, ledger.result(RehearsalResultKind.LICENSE_AUDIT, null, "json", 23,
                LicenseAudit.newBuilder().setStatus(AuditStatus.PASSED).setFindings(List.of()).build()));
        ledger.add(24, ledger.result(RehearsalResultKind.OPERATIONAL_READINESS, null, "json", 24, OperationalReadiness.newBuilder()
                .setRunbooks(List.of(Runbook.newBuilder().setName("checkout.md").setUpdatedAt(at(-60 * 24)).build()))
                .setOnCallPrimary("alex").setOnCallBackup("jordan").build()));
        ledger.add(24, ledger.gate(3, GateOutcome.PASSED, 24, Map.of("rollbackSucceeded", 1.0, "rollbackDurationSeconds", 420.0,
                "rtoSeconds", 600.0, "blockingFindings", 0.0), List.of(), List.of("event-25", "event-26")));
        ledger.add(60, ledger.approval("readiness", "release-manager", "rita", 60, at(60 * 24 * 7)));
        ledger.add(60, ledger.gate(4, GateOutcome.PASSED, 60, Map.of("packageCompleteness", 1.0, "approvalsGiven", 1.0, "approvalsRequired", 1.0,
                "checklistComplete", 1.0, "approvalLatencyHours", 0.6), List.of(), List.of("event-30")));
        ledger.add(60, ledger.decided(ReleaseDecision.GO, List.of(), 60, "event-14", "event-23", "event-29", "event-31"));
        return ledger;
    }

    /**
     * A release that is NO_GO, every kind of result run more than once: registered (event-1), five upstream artifacts
     * with release-manifest.json sent twice and UAT-CLOSURE-PACKAGE.zip missing (2 to 7), scope-fixed expired
     * (8, 9), medium drift (10 to 12) failing gate 1 (13), which the release manager waives (14, 15); a failed
     * deployment rehearsal run again (16, 17); smoke failing then passing, regression failing (18 to 21); coverage
     * not evaluated then measured (22, 23); gate 2 failed (24) and announced (25); a rollback rehearsal over the RTO
     * (26, 27); a blocking finding (28), a suppressed one in the container scan (29); gate 3 failed (30); the CISO's
     * waiver without the CTO's (31); the readiness approval (32) made stale by a failed license audit (33); gate 4
     * (34) and NO_GO (35).
     */
    static ReleaseLedger noGo() {
        ReleaseLedger ledger = new ReleaseLedger(NO_GO_RELEASE);
        ledger.add(0, ledger.registered());
        List.of("QUALITY-AUDIT-PACKAGE.zip", "INTEGRATION-EVIDENCE.zip", "release-manifest.json", "deploy.sh")
                .forEach(name -> ledger.add(1, ledger.upstreamArtifact(name, 1)));
        ledger.add(2, ledger.upstreamArtifact("release-manifest.json", 2));
        ledger.add(2, ledger.upstreamArtifact("rollback.sh", 2));
        ledger.add(2, ledger.approval("quality-audit-readiness", "senior-quality-engineer", "quinn", 2, null));
        ledger.add(2, ledger.approval("scope-fixed", "product-owner", "pat", 2, at(30)));
        ledger.add(3, ledger.snapshot("staging", 3));
        ledger.add(3, ledger.snapshot("production", 3));
        ledger.add(3, ledger.drift("event-10", "event-11", 30, List.of(
                difference("db.pool.size", ConfigCategory.CONFIGURATION, DifferenceKind.VALUE_DIFFERS, DriftSeverity.MEDIUM),
                difference("payments.api-key", ConfigCategory.SECRET, DifferenceKind.ONLY_IN_STAGING, DriftSeverity.HIGH)),
                DriftSeverity.HIGH, 3));
        ledger.add(3, ledger.gate(1, GateOutcome.FAILED, 3, Map.of("completeness", 0.75, "configurationDrift", 0.0667, "driftSeverity", 3.0),
                List.of("UAT-CLOSURE-PACKAGE.zip is missing", "configuration drift 0.0667 is above 0.05", "drift severity HIGH is above LOW"),
                List.of("event-1", "event-12")));
        ledger.add(4, ledger.waiver(1, "rita", "release-manager", "The UAT package is signed on paper; drift is the new payments key.",
                null, at(60 * 24), 4));
        ledger.add(4, ledger.gate(1, GateOutcome.WAIVED, 4, Map.of("completeness", 0.75, "configurationDrift", 0.0667, "driftSeverity", 3.0),
                List.of("UAT-CLOSURE-PACKAGE.zip is missing", "configuration drift 0.0667 is above 0.05", "drift severity HIGH is above LOW"),
                List.of("event-1", "event-12", "event-14")));
        ledger.add(8, ledger.run(RehearsalResultKind.DEPLOYMENT_REHEARSAL, RunStatus.FAILED, 5, 8, 2, 0, "migrate-db",
                "deploying checkout 2.5.0\nERROR migration 42 failed: lock timeout\n"));
        ledger.add(12, ledger.run(RehearsalResultKind.DEPLOYMENT_REHEARSAL, RunStatus.SUCCEEDED, 9, 12, 0, 3, null, "deploying checkout 2.5.0\nok"));
        ledger.add(13, ledger.tests("smoke", 12, 2, 0, 0, 13));
        ledger.add(14, ledger.tests("smoke", 12, 0, 0, 0, 14));
        ledger.add(14, ledger.tests("acceptance", 40, 0, 0, 0, 14));
        ledger.add(15, ledger.tests("regression", 310, 1, 1, 3, 15));
        ledger.add(15, ledger.coverage("cobertura", 0, 0, null, 15));
        ledger.add(16, ledger.coverage("jacoco", 910, 90, 0.91, 16));
        ledger.add(16, ledger.gate(2, GateOutcome.FAILED, 16, Map.of("deploymentSucceeded", 1.0, "blockingErrors", 0.0, "testsTotal", 362.0,
                "testsFailed", 2.0, "coverage", 0.91), List.of("2 regression test(s) failed"),
                List.of("event-17", "event-19", "event-20", "event-21", "event-23")));
        ledger.add(17, GateFailureAnnounced.newBuilder().setSubject(NO_GO_RELEASE).setProtocol(14).setGate(2).setNotificationId("n-7")
                .setChannel("releases").setAudience(List.of("deployment-team", "qa-lead")).setGateEvaluationEventId("event-24")
                .setOutcome(NotificationOutcome.DELIVERED).setAttempts(1).setRequestedAt(at(16)).setCompletedAt(at(16).plusMillis(850))
                .setLatencyMillis(850).build());
        ledger.add(30, ledger.run(RehearsalResultKind.ROLLBACK_REHEARSAL, RunStatus.SUCCEEDED, 18, 30, null, null, null, null));
        ledger.add(30, ledger.assessed("event-26", true, 720.0, 30));
        ledger.add(31, ledger.scan("dependencies", 31, 1, 0, List.of(finding("CVE-2026-1234", FindingSeverity.CRITICAL, false))));
        ledger.add(31, ledger.scan("container", 31, 0, 1, List.of(finding("CVE-2025-0042", FindingSeverity.HIGH, true))));
        ledger.add(32, ledger.gate(3, GateOutcome.FAILED, 32, Map.of("rollbackSucceeded", 1.0, "rollbackDurationSeconds", 720.0,
                "rtoSeconds", 600.0, "blockingFindings", 1.0), List.of("rollback took 720 s, over the RTO of 600 s", "1 blocking security finding"),
                List.of("event-27", "event-28", "event-29")));
        ledger.add(33, ledger.waiver(3, "cleo", "ciso", "The CVE needs a crafted header our gateway strips.",
                "WAF rule 931 blocks the header; alert on it", at(60 * 24 * 14), 33));
        ledger.add(40, ledger.approval("readiness", "release-manager", "rita", 40, at(60 * 24 * 7)));
        ledger.add(41, ledger.result(RehearsalResultKind.LICENSE_AUDIT, null, "json", 41,
                LicenseAudit.newBuilder().setStatus(AuditStatus.FAILED).setFindings(List.of("left-pad 2.0 is AGPL-3.0")).build()));
        ledger.add(41, ledger.gate(4, GateOutcome.FAILED, 41, Map.of("packageCompleteness", 0.92, "approvalsGiven", 0.0, "approvalsRequired", 1.0,
                "checklistComplete", 0.0), List.of("the readiness approval of rita is stale: a result arrived after it"),
                List.of("event-32", "event-33")));
        ledger.add(41, ledger.decided(ReleaseDecision.NO_GO, List.of("Gate 2 (Deployment rehearsal) failed: 2 regression test(s) failed",
                "Gate 3 (Rollback and security) failed: the rollback ran over the RTO and a blocking finding is open",
                "Gate 4 (Readiness approval) failed: the readiness approval is stale"), 41, "event-15", "event-24", "event-30", "event-34"));
        return ledger;
    }

    ReleaseRegistered registered() {
        return ReleaseRegistered.newBuilder().setReleaseId(release).setService("checkout").setVersion(GO_RELEASE.equals(release) ? "2.4.0" : "2.5.0")
                .setStagingEnvironment("staging-eu").setProductionEnvironment("production-eu").setRtoMinutes(10).setPreviousRelease("rel-99")
                .setRequiredArtifacts(ARTIFACTS).setRequiredApprovals(List.of("quality-audit-readiness", "scope-fixed", "readiness"))
                .setExpectedDifferences(List.of("db.host")).setPolicyVersion(POLICY).setRegisteredBy("pipeline-ci").setRegisteredAt(at(0)).build();
    }

    RehearsalResultReceived result(RehearsalResultKind kind, String scope, String format, long minutes, Object summary) {
        String digest = HashChain.sha256((release + kind + scope + minutes).getBytes(StandardCharsets.UTF_8));
        return RehearsalResultReceived.newBuilder().setRelease(release).setKind(kind).setScope(scope).setFormat(format)
                .setArtifact(StoredArtifact.newBuilder().setSha256(digest).setSizeBytes(1_000 + minutes).setMediaType(mediaType(format)).build())
                .setSubmittedBy("pipeline-ci").setReceivedAt(at(minutes)).setSummary(summary).build();
    }

    RehearsalResultReceived upstreamArtifact(String name, long minutes) {
        return result(RehearsalResultKind.UPSTREAM_ARTIFACT, name, "json", minutes, UpstreamArtifact.newBuilder().setName(name)
                .setSha256(HashChain.sha256((name + minutes).getBytes(StandardCharsets.UTF_8))).setSizeBytes(4_096 * minutes)
                .setUri("s3://releases/" + release + "/" + name).build());
    }

    RehearsalResultReceived snapshot(String environment, long minutes) {
        return result(RehearsalResultKind.CONFIG_SNAPSHOT, environment, "yaml", minutes, ConfigSnapshot.newBuilder().setEnvironment(environment)
                .setEntries(List.of(
                        ConfigEntry.newBuilder().setKey("db.pool.size").setValue("staging".equals(environment) ? "20" : "50")
                                .setCategory(ConfigCategory.CONFIGURATION).build(),
                        ConfigEntry.newBuilder().setKey("payments.api-key").setValue(SECRET_DIGEST).setCategory(ConfigCategory.SECRET).build()))
                .build());
    }

    RehearsalResultReceived run(RehearsalResultKind kind, RunStatus status, long from, long to, Integer blocking, Integer nonBlocking,
                                String failedStep, String log) {
        List<RehearsalStep> steps = new ArrayList<>();
        steps.add(RehearsalStep.newBuilder().setName("pull-image").setStatus(RunStatus.SUCCEEDED).setStartedAt(at(from))
                .setFinishedAt(at(from).plusSeconds(30)).build());
        steps.add(RehearsalStep.newBuilder().setName(failedStep == null ? "switch-traffic" : failedStep)
                .setStatus(failedStep == null ? RunStatus.SUCCEEDED : RunStatus.FAILED).setStartedAt(at(from).plusSeconds(30))
                .setFinishedAt(at(to)).build());
        steps.add(RehearsalStep.newBuilder().setName("verify").setStatus(status).build());
        return result(kind, null, "json", to, RehearsalRun.newBuilder().setStatus(status).setStartedAt(at(from)).setFinishedAt(at(to))
                .setBlockingErrors(blocking).setNonBlockingErrors(nonBlocking).setSteps(steps).setLog(log).build());
    }

    RehearsalResultReceived tests(String suite, int tests, int failures, int errors, int skipped, long minutes) {
        List<String> failed = new ArrayList<>();
        for (int i = 1; i <= failures + errors; i++) {
            failed.add("checkout." + suite + "Test.case" + i);
        }
        return result(RehearsalResultKind.TEST_REPORT, suite, "junit", minutes, TestReportSummary.newBuilder().setSuite(suite).setTests(tests)
                .setFailures(failures).setErrors(errors).setSkipped(skipped).setFailedTests(failed)
                .setWarnings(skipped > 4 ? List.of("the report declared tests=" + (tests + 1) + "; its test cases count " + tests) : List.of())
                .build());
    }

    RehearsalResultReceived coverage(String format, long covered, long missed, Double ratio, long minutes) {
        return result(RehearsalResultKind.COVERAGE, null, format, minutes, CoverageSummary.newBuilder().setFormat(format).setCounter("LINE")
                .setCovered(covered).setMissed(missed).setRatio(ratio).build());
    }

    RehearsalResultReceived baseline(long minutes, Map<String, Double> metrics) {
        return result(RehearsalResultKind.OBSERVABILITY_BASELINE, null, "json", minutes,
                ObservabilityBaseline.newBuilder().setCapturedAt(at(minutes)).setMetrics(new TreeMap<>(metrics)).build());
    }

    RehearsalResultReceived scan(String scope, long minutes, int blocking, int suppressed, List<SecurityFinding> findings) {
        return result(RehearsalResultKind.SECURITY_SCAN, scope, "sarif-2.1.0", minutes, SecurityScanSummary.newBuilder()
                .setTools(List.of("trivy 0.58.1")).setFindings(7 + blocking + suppressed)
                .setCountsBySeverity(new TreeMap<>(Map.of("LOW", 5, "MEDIUM", 2, "CRITICAL", blocking))).setBlocking(blocking)
                .setSuppressed(suppressed).setBlockingFindings(findings).build());
    }

    static SecurityFinding finding(String ruleId, FindingSeverity severity, boolean suppressed) {
        return SecurityFinding.newBuilder().setRuleId(ruleId).setSeverity(severity).setMessage(ruleId + " in libexample")
                .setLocation("pom.xml:42").setSuppressed(suppressed).build();
    }

    static ConfigDifference difference(String key, ConfigCategory category, DifferenceKind kind, DriftSeverity severity) {
        return ConfigDifference.newBuilder().setKey(key).setCategory(category).setDifference(kind).setSeverity(severity).build();
    }

    ConfigurationDriftMeasured drift(String staging, String production, int compared, List<ConfigDifference> differences, DriftSeverity severity,
                                     long minutes) {
        return ConfigurationDriftMeasured.newBuilder().setRelease(release).setStagingSnapshotEventId(staging)
                .setProductionSnapshotEventId(production).setComparedKeys(compared).setIgnoredKeys(List.of("db.host"))
                .setDifferences(differences).setDrift(Math.round(differences.size() * 10_000.0 / compared) / 10_000.0).setSeverity(severity)
                .setMeasuredAt(at(minutes)).build();
    }

    ApprovalGranted approval(String kind, String role, String approver, long minutes, Instant expiresAt) {
        return ApprovalGranted.newBuilder().setRelease(release).setKind(kind).setApprover(approver).setRole(role).setExpiresAt(expiresAt)
                .setEvidenceDigest(HashChain.sha256((kind + minutes).getBytes(StandardCharsets.UTF_8))).setGrantedAt(at(minutes)).build();
    }

    GateWaiverGranted waiver(int gate, String by, String role, String risk, String controls, Instant expiresAt, long minutes) {
        return GateWaiverGranted.newBuilder().setSubject(release).setProtocol(14).setGate(gate).setGrantedBy(by).setRole(role)
                .setRiskAssessment(risk).setCompensatingControls(controls).setExpiresAt(expiresAt).setGrantedAt(at(minutes)).build();
    }

    GateEvaluated gate(int gate, GateOutcome outcome, long minutes, Map<String, Double> metrics, List<String> unmet, List<String> evidence) {
        Map<String, String> thresholds = Map.of(1, Map.of("completeness", "= 1.0", "configurationDrift", "<= 0.05", "driftSeverity", "<= 1 (LOW)"),
                2, Map.of("deploymentSucceeded", "= 1", "blockingErrors", "= 0", "testsFailed", "= 0", "coverage", ">= 0.90"),
                3, Map.of("rollbackSucceeded", "= 1", "rollbackDurationSeconds", "<= rtoSeconds", "blockingFindings", "= 0"),
                4, Map.of("packageCompleteness", ">= 0.95", "approvalsGiven", ">= approvalsRequired", "checklistComplete", "= 1",
                        "approvalLatencyHours", "< 48")).get(gate);
        return GateEvaluated.newBuilder().setSubject(release).setProtocol(14).setGate(gate).setName(GATE_NAMES.get(gate - 1)).setOutcome(outcome)
                .setMetrics(new TreeMap<>(metrics)).setThresholds(new TreeMap<>(thresholds)).setUnmetConditions(unmet).setPolicyVersion(POLICY)
                .setEvidenceEventIds(evidence).setEvaluatedAt(at(minutes)).build();
    }

    RollbackRehearsalAssessed assessed(String rehearsal, boolean succeeded, double seconds, long minutes) {
        return RollbackRehearsalAssessed.newBuilder().setRelease(release).setService("checkout").setSucceeded(succeeded)
                .setDurationSeconds(seconds).setRtoSeconds(600).setWithinRto(succeeded && seconds <= 600).setRehearsalEventId(rehearsal)
                .setAssessedAt(at(minutes)).build();
    }

    ReleaseDecided decided(ReleaseDecision decision, List<String> reasons, long minutes, String... gateEvaluations) {
        List<GateStanding> gates = new ArrayList<>();
        for (int gate = 1; gate <= 4; gate++) {
            boolean passed = decision == ReleaseDecision.GO || gate == 1;
            gates.add(GateStanding.newBuilder().setGate(gate).setOutcome(passed ? (gate == 1 && decision == ReleaseDecision.NO_GO
                    ? GateOutcome.WAIVED : GateOutcome.PASSED) : GateOutcome.FAILED).setEvaluationEventId(gateEvaluations[gate - 1]).build());
        }
        return ReleaseDecided.newBuilder().setRelease(release).setDecision(decision).setReasons(reasons).setGates(gates).setPolicyVersion(POLICY)
                .setEvidenceEventIds(List.of(gateEvaluations)).setDecidedAt(at(minutes)).build();
    }

    private static String mediaType(String format) {
        if ("junit".equals(format) || "jacoco".equals(format) || "cobertura".equals(format)) {
            return "application/xml";
        }
        return "yaml".equals(format) ? "application/yaml" : "application/json";
    }
}
