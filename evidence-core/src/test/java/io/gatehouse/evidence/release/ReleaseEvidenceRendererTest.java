package io.gatehouse.evidence.release;

import static io.gatehouse.evidence.RenderedFiles.json;
import static io.gatehouse.evidence.RenderedFiles.text;
import static io.gatehouse.evidence.release.ReleaseLedger.GO_RELEASE;
import static io.gatehouse.evidence.release.ReleaseLedger.NO_GO_RELEASE;
import static io.gatehouse.evidence.release.ReleaseLedger.SECRET_DIGEST;
import static io.gatehouse.evidence.release.ReleaseLedger.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.AuditStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.LicenseAudit;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseDecision;
import io.gatehouse.evidence.artifacts.Artifact;
import io.gatehouse.evidence.artifacts.Evidence;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.log.HashChain;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReleaseEvidenceRendererTest {

    /** Protocol 14's artifacts that are always in the set. */
    static final List<String> REQUIRED = List.of("deployment-checklist.md", "gate-waivers.json", "intake-validation-report.json",
            "observability-baseline.md", "pre-deployment-manifest.json", "readiness-approval.json", "rollback-verification-report.json",
            "security-compliance-report.json", "staging-deployment-run.log", "staging-parity-report.json", "staging-test-results.json");

    @Test
    void aGoReleaseHasEveryArtifactWithItsPhaseHappened() {
        Evidence evidence = ReleaseLedger.go().render();

        assertThat(evidence.protocol()).isEqualTo(14);
        assertThat(evidence.bundleName()).isEqualTo("PRE-DEPLOYMENT-PACKAGE.zip");
        assertThat(evidence.artifacts()).extracting(Artifact::name).containsExactlyElementsOf(
                sorted(REQUIRED, "staging-data-refresh.md"));
        assertThat(evidence.artifacts()).allMatch(Artifact::phaseHappened);
        JsonNode manifest = json(evidence.manifest().bytes());
        assertThat(manifest.get("protocol").asInt()).isEqualTo(14);
        assertThat(manifest.get("completeness").asDouble()).isEqualTo(1.0);
        assertThat(manifest.get("pendingArtifacts")).isEmpty();
        assertThat(manifest.get("absentArtifacts")).isEmpty();
        assertThat(evidence.file("staging-deployment-run.log").orElseThrow().mediaType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(json(evidence, "readiness-approval.json").at("/decision/decision").asText()).isEqualTo("GO");
    }

    @Test
    void theIntakeReportSetsWhatTheReleaseRequiresAgainstWhatArrived() {
        Evidence evidence = ReleaseLedger.noGo().render();

        JsonNode intake = json(evidence, "intake-validation-report.json");
        assertThat(intake.get("upstreamArtifacts")).extracting(a -> a.get("name").asText() + " " + a.get("status").asText()).containsExactly(
                "QUALITY-AUDIT-PACKAGE.zip PRESENT", "INTEGRATION-EVIDENCE.zip PRESENT", "UAT-CLOSURE-PACKAGE.zip MISSING",
                "release-manifest.json PRESENT", "deploy.sh PRESENT", "rollback.sh PRESENT");
        JsonNode manifest = intake.get("upstreamArtifacts").get(3);
        assertThat(manifest.at("/latest/eventId").asText()).isEqualTo("event-6");
        assertThat(manifest.at("/latest/uri").asText()).isEqualTo("s3://releases/rel-200/release-manifest.json");
        assertThat(manifest.at("/superseded/0/eventId").asText()).isEqualTo("event-4");
        assertThat(manifest.at("/superseded/0/supersededBy").asText()).isEqualTo("event-6");
        assertThat(intake.get("approvals")).extracting(a -> a.get("kind").asText() + " " + a.get("status").asText())
                .containsExactly("quality-audit-readiness GIVEN", "scope-fixed EXPIRED");
        assertThat(intake.at("/granted/1/expiresAt").asText()).isEqualTo("2026-11-20T09:30:00Z");
        assertThat(intake.get("asOf").asText()).isEqualTo("2026-11-20T09:41:00Z");
        assertThat(intake.at("/gate/outcome").asText()).isEqualTo("WAIVED");
        assertThat(intake.at("/gate/metrics/completeness").asDouble()).isEqualTo(0.75);
        assertThat(intake.get("statement").asText())
                .isEqualTo("Missing: UAT-CLOSURE-PACKAGE.zip, scope-fixed approval (expired). Gate 1 (Intake confirmation): WAIVED.");
        assertThat(evidence.file("intake-validation-report.json").orElseThrow().derivedFrom())
                .containsExactly("event-1", "event-2", "event-3", "event-4", "event-5", "event-6", "event-7", "event-8", "event-9", "event-13",
                        "event-15");
    }

    @Test
    void theParityReportNamesEachDifferingKeyWithItsCategoryAndSeverityButNeverAValue() {
        Evidence evidence = ReleaseLedger.noGo().render();

        JsonNode parity = json(evidence, "staging-parity-report.json");
        assertThat(parity.at("/latest/differences")).extracting(d -> String.join(" ", d.get("key").asText(), d.get("category").asText(),
                d.get("difference").asText(), d.get("severity").asText())).containsExactly(
                "db.pool.size CONFIGURATION VALUE_DIFFERS MEDIUM", "payments.api-key SECRET ONLY_IN_STAGING HIGH");
        assertThat(parity.at("/latest/drift").asDouble()).isEqualTo(0.0667);
        assertThat(parity.at("/latest/parityScore").asDouble()).isEqualTo(0.9333);
        assertThat(parity.at("/latest/severity").asText()).isEqualTo("HIGH");
        assertThat(parity.at("/latest/ignoredKeys/0").asText()).isEqualTo("db.host");
        assertThat(parity.at("/latest/stagingSnapshotEventId").asText()).isEqualTo("event-10");
        assertThat(parity.get("stagingEnvironment").asText()).isEqualTo("staging-eu");
        for (Artifact artifact : evidence.artifacts()) {
            assertThat(text(evidence, artifact.name())).as(artifact.name()).doesNotContain(SECRET_DIGEST);
        }
        assertThat(text(evidence, "staging-parity-report.json")).doesNotContain("\"value\"");
    }

    @Test
    void theDeploymentRunLogKeepsTheFailedRunThatWasRunAgain() {
        String log = text(ReleaseLedger.noGo().render(), "staging-deployment-run.log");

        assertThat(log).contains("# 2 run(s), oldest first; the latest is the one gate 2 reads.\n",
                "== Run 1 of 2 (superseded by event-17) ==\nevent:                event-16\n",
                "status:               FAILED\n",
                "blocking errors:      2\n",
                "  2. FAILED migrate-db (2026-11-20T09:05:30Z to 2026-11-20T09:08:00Z, 2 min 30 s)\n",
                "log:\ndeploying checkout 2.5.0\nERROR migration 42 failed: lock timeout\n",
                "== Run 2 of 2 (latest) ==\nevent:                event-17\n",
                "non-blocking errors:  3\n");
        assertThat(log).endsWith("deploying checkout 2.5.0\nok\n");
        assertThat(log.indexOf("Run 1 of 2")).isLessThan(log.indexOf("Run 2 of 2"));
    }

    @Test
    void testResultsKeepEachSuitesSupersededReportsAndTheCoverage() {
        Evidence evidence = ReleaseLedger.noGo().render();

        JsonNode results = json(evidence, "staging-test-results.json");
        assertThat(results.get("suites")).extracting(s -> s.get("suite").asText() + " " + s.get("status").asText())
                .containsExactly("smoke PASSED", "acceptance PASSED", "regression FAILED");
        JsonNode smoke = results.at("/suites/0");
        assertThat(smoke.at("/latest/received/eventId").asText()).isEqualTo("event-19");
        assertThat(smoke.at("/superseded/0/received/eventId").asText()).isEqualTo("event-18");
        assertThat(smoke.at("/superseded/0/received/supersededBy").asText()).isEqualTo("event-19");
        assertThat(smoke.at("/superseded/0/failures").asInt()).isEqualTo(2);
        assertThat(results.at("/suites/2/latest/failedTests")).extracting(JsonNode::asText)
                .containsExactly("checkout.regressionTest.case1", "checkout.regressionTest.case2");
        assertThat(results.at("/totals/tests").asInt()).as("the latest report of each suite").isEqualTo(362);
        assertThat(results.at("/totals/passRate").asDouble()).isEqualTo(0.9944);
        assertThat(results.at("/coverage/status").asText()).isEqualTo("MEASURED");
        assertThat(results.at("/coverage/latest/ratio").asDouble()).isEqualTo(0.91);
        assertThat(results.at("/coverage/superseded/0/format").asText()).isEqualTo("cobertura");
        assertThat(results.at("/coverage/superseded/0/ratio").isNull()).as("NaN is not evaluated, never 0").isTrue();
        assertThat(evidence.file("staging-test-results.json").orElseThrow().derivedFrom())
                .containsExactly("event-18", "event-19", "event-20", "event-21", "event-22", "event-23");
    }

    @Test
    void aSuiteThatNeverReportedIsMissing() {
        ReleaseLedger ledger = new ReleaseLedger(GO_RELEASE);
        ledger.add(0, ledger.registered());
        ledger.add(1, ledger.tests("smoke", 3, 0, 0, 0, 1));
        ledger.add(2, ledger.tests("contract", 0, 0, 0, 0, 2));

        JsonNode results = json(ledger.render(), "staging-test-results.json");

        assertThat(results.get("suites")).extracting(s -> s.get("suite").asText() + " " + s.get("status").asText())
                .containsExactly("smoke PASSED", "acceptance MISSING", "regression MISSING", "contract EMPTY");
        assertThat(results.at("/coverage/status").asText()).isEqualTo("MISSING");
        assertThat(results.get("statement").asText()).isEqualTo("3 test(s): 3 passed, 0 failed, 0 errored, 0 skipped"
                + " (smoke passed, acceptance missing, regression missing, contract empty). No coverage report.");
    }

    @Test
    void theObservabilityBaselineShowsTheLatestCaptureAndKeepsTheOneItReplaced() {
        String baseline = text(ReleaseLedger.go().render(), "observability-baseline.md");

        assertThat(baseline).contains("Captured at 2026-11-20T09:15:00Z after the staging rehearsal; event event-22,",
                "| Metric | Value |\n|---|---|\n| cpuUtilization | 0.415 |\n| errorRate | 0.002 |\n| p95LatencyMs | 320 |\n",
                "## Superseded baselines\n\n- Captured at 2026-11-20T09:14:00Z, event event-21, received 2026-11-20T09:14:00Z from pipeline-ci:"
                        + " errorRate 0.004, p95LatencyMs 410\n");
        assertThat(text(ReleaseLedger.noGo().render(), "observability-baseline.md")).endsWith("\n\nNo observability baseline was captured.\n");
    }

    @Test
    void theRollbackVerificationCarriesWhatProtocol17ReadsAndCitesItsEvents() {
        JsonNode passed = json(ReleaseLedger.go().render(), "rollback-verification-report.json");
        Evidence noGo = ReleaseLedger.noGo().render();
        JsonNode overRto = json(noGo, "rollback-verification-report.json");

        assertThat(passed.get("passed").isBoolean()).isTrue();
        assertThat(passed.get("passed").asBoolean()).isTrue();
        assertThat(passed.get("durationSeconds").asDouble()).isEqualTo(420.0);
        assertThat(passed.get("rtoSeconds").asDouble()).isEqualTo(600.0);
        assertThat(passed.get("assessmentEventId").asText()).isEqualTo("event-25");
        assertThat(passed.get("rehearsalEventId").asText()).isEqualTo("event-24");
        assertThat(passed.at("/rehearsal/received/eventId").asText()).isEqualTo("event-24");
        assertThat(passed.at("/rehearsal/steps")).extracting(s -> s.get("name").asText()).containsExactly("pull-image", "switch-traffic", "verify");
        assertThat(passed.at("/rehearsal/steps/0/durationSeconds").asDouble()).isEqualTo(30.0);
        assertThat(passed.get("statement").asText()).isEqualTo("The rollback rehearsal succeeded within the RTO: 420.0 s against an RTO of 600.0 s.");

        assertThat(overRto.get("passed").asBoolean()).isFalse();
        assertThat(overRto.get("succeeded").asBoolean()).isTrue();
        assertThat(overRto.get("withinRto").asBoolean()).isFalse();
        assertThat(overRto.get("durationSeconds").asDouble()).isEqualTo(720.0);
        assertThat(noGo.file("rollback-verification-report.json").orElseThrow().derivedFrom()).containsExactly("event-26", "event-27");
    }

    @Test
    void aRollbackRehearsalNeverAssessedDoesNotPass() {
        ReleaseLedger ledger = new ReleaseLedger(GO_RELEASE);
        ledger.add(0, ledger.registered());

        Evidence evidence = ledger.render();

        JsonNode report = json(evidence, "rollback-verification-report.json");
        assertThat(report.get("happened").asBoolean()).isFalse();
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(report.get("durationSeconds").isNull()).isTrue();
        assertThat(report.get("statement").asText()).isEqualTo("The rollback rehearsal was not assessed against the RTO.");
        assertThat(json(evidence.manifest().bytes()).get("pendingArtifacts")).extracting(JsonNode::asText)
                .contains("rollback-verification-report.json", "readiness-approval.json")
                .doesNotContain("intake-validation-report.json", "gate-waivers.json", "pre-deployment-manifest.json", "deployment-checklist.md");
    }

    @Test
    void theSecurityReportSeparatesBlockingFromSuppressedFindingsAndNamesTheWaivers() {
        JsonNode security = json(ReleaseLedger.noGo().render(), "security-compliance-report.json");
        JsonNode cleared = json(ReleaseLedger.go().render(), "security-compliance-report.json");

        assertThat(security.get("blocking").asInt()).isEqualTo(1);
        assertThat(security.get("suppressed").asInt()).isEqualTo(1);
        assertThat(security.get("scans")).extracting(s -> s.get("scope").asText()).containsExactly("container", "dependencies");
        assertThat(security.at("/scans/1/latest/blockingFindings/0/ruleId").asText()).isEqualTo("CVE-2026-1234");
        assertThat(security.at("/scans/1/latest/blockingFindings/0/severity").asText()).isEqualTo("CRITICAL");
        assertThat(security.at("/scans/0/latest/blockingFindings")).isEmpty();
        assertThat(security.at("/scans/0/latest/suppressedFindings/0/ruleId").asText()).isEqualTo("CVE-2025-0042");
        assertThat(security.at("/scans/1/latest/countsBySeverity").fieldNames()).toIterable().containsExactly("CRITICAL", "LOW", "MEDIUM");
        assertThat(security.at("/licenseAudit/status").asText()).isEqualTo("FAILED");
        assertThat(security.at("/licenseAudit/latest/findings/0").asText()).isEqualTo("left-pad 2.0 is AGPL-3.0");
        assertThat(security.at("/gate3Waivers/0/role").asText()).isEqualTo("ciso");
        assertThat(security.at("/gate3Waivers/0/compensatingControls").asText()).isEqualTo("WAF rule 931 blocks the header; alert on it");

        assertThat(cleared.get("blocking").asInt()).isZero();
        assertThat(cleared.at("/scans/0/scope").isNull()).isTrue();
        assertThat(cleared.at("/clearances/0/kind").asText()).isEqualTo("staging-rehearsal-clearance");
        assertThat(cleared.at("/clearances/0/approver").asText()).isEqualTo("sam");
        assertThat(cleared.get("statement").asText()).isEqualTo("1 scan scope(s): 0 blocking finding(s), 1 suppressed in the scan. License audit PASSED.");
    }

    @Test
    void gateWaiversNameWhoMayWaiveEachGateAndEveryWaiverWithItsControlsAndExpiry() {
        JsonNode waivers = json(ReleaseLedger.noGo().render(), "gate-waivers.json");

        assertThat(waivers.get("gates")).extracting(g -> g.get("gate").asInt() + " " + g.get("outcome").asText() + " " + g.get("waivers").size())
                .containsExactly("1 WAIVED 1", "2 FAILED 0", "3 FAILED 1", "4 FAILED 0");
        assertThat(waivers.at("/gates/0/waivers/0/role").asText()).isEqualTo("release-manager");
        assertThat(waivers.at("/gates/0/waivers/0/riskAssessment").asText()).startsWith("The UAT package is signed on paper");
        assertThat(waivers.at("/gates/0/waivers/0/compensatingControls").isNull()).isTrue();
        assertThat(waivers.at("/gates/1/waivedBy").asText()).isEqualTo("not permitted: a successful deployment rehearsal is mandatory");
        assertThat(waivers.at("/gates/2/waivers/0/compensatingControls").asText()).isEqualTo("WAF rule 931 blocks the header; alert on it");
        assertThat(waivers.at("/gates/2/waivers/0/expiresAt").asText()).isEqualTo("2026-12-04T09:00:00Z");
        assertThat(waivers.get("statement").asText()).isEqualTo("2 waiver(s) granted; waived: gate 1.");
        assertThat(json(ReleaseLedger.go().render(), "gate-waivers.json").get("statement").asText()).isEqualTo("No gate was waived.");
    }

    @Test
    void aWaiverPastItsExpiryIsNamedExpired() {
        ReleaseLedger ledger = new ReleaseLedger(GO_RELEASE);
        ledger.add(0, ledger.registered());
        ledger.add(1, ledger.waiver(1, "rita", "release-manager", "drift is a known flag", null, at(5), 1));
        ledger.add(5, ledger.tests("smoke", 3, 0, 0, 0, 5));

        JsonNode waiver = json(ledger.render(), "gate-waivers.json").at("/gates/0/waivers/0");

        assertThat(waiver.get("expired").asBoolean()).as("expires at the release's latest event").isTrue();
    }

    @Test
    void aReadinessApprovalIsStaleOnceAResultArrivesAfterItButAnUpstreamOneIsNot() {
        Evidence evidence = ReleaseLedger.noGo().render();

        JsonNode readiness = json(evidence, "readiness-approval.json");
        assertThat(readiness.at("/required/0/kind").asText()).isEqualTo("readiness");
        assertThat(readiness.at("/required/0/status").asText()).isEqualTo("STALE");
        JsonNode approval = readiness.at("/approvals/0");
        assertThat(approval.get("evidenceDigest").asText()).hasSize(64);
        assertThat(approval.get("expiresAt").asText()).isEqualTo("2026-11-27T09:00:00Z");
        assertThat(approval.get("stale").asBoolean()).isTrue();
        assertThat(approval.get("resultsSince")).extracting(JsonNode::asText).containsExactly("event-33");
        assertThat(approval.get("counts").asBoolean()).isFalse();
        assertThat(readiness.at("/gate/outcome").asText()).isEqualTo("FAILED");
        assertThat(readiness.at("/gate/metrics/approvalsGiven").asDouble()).isZero();
        assertThat(readiness.at("/decision/decision").asText()).isEqualTo("NO_GO");
        assertThat(readiness.at("/decision/reasons")).hasSize(3);
        assertThat(readiness.get("statement").asText()).isEqualTo("Not approved: readiness stale. Decision: NO_GO at 2026-11-20T09:41:00Z.");
        assertThat(evidence.file("readiness-approval.json").orElseThrow().derivedFrom()).containsExactly("event-32", "event-33", "event-34", "event-35");
        JsonNode intake = json(evidence, "intake-validation-report.json");
        assertThat(intake.at("/granted/0/stale").asBoolean()).as("results after it do not touch an upstream approval").isFalse();
    }

    @Test
    void aGoRevokedByALaterFailureKeepsTheGoItRevoked() {
        ReleaseLedger ledger = ReleaseLedger.go();
        ledger.add(90, ledger.result(RehearsalResultKind.LICENSE_AUDIT, null, "json", 90,
                LicenseAudit.newBuilder().setStatus(AuditStatus.FAILED).setFindings(List.of("GPL-3.0 in libfoo")).build()));
        ledger.add(90, ledger.gate(3, GateOutcome.FAILED, 90, Map.of("blockingFindings", 0.0), List.of("the license audit failed"), List.of("event-33")));
        ReleaseDecided revoked = ledger.decided(ReleaseDecision.NO_GO, List.of("Gate 3 (Rollback and security) failed: the license audit failed"), 90,
                "event-14", "event-23", "event-34", "event-31");
        revoked.setRevokedGoEventId("event-32");
        ledger.add(90, revoked);

        JsonNode readiness = json(ledger.render(), "readiness-approval.json");

        assertThat(readiness.at("/decision/decision").asText()).isEqualTo("NO_GO");
        assertThat(readiness.at("/decision/revokedGoEventId").asText()).isEqualTo("event-32");
        assertThat(readiness.at("/earlierDecisions/0/decision").asText()).isEqualTo("GO");
        assertThat(readiness.at("/earlierDecisions/0/eventId").asText()).isEqualTo("event-32");
        assertThat(readiness.at("/approvals/0/resultsSince")).extracting(JsonNode::asText).containsExactly("event-33");
    }

    @Test
    void thePreDeploymentManifestIndexesThePackageEveryResultAndTheGates() {
        Evidence evidence = ReleaseLedger.noGo().render();

        JsonNode index = json(evidence, "pre-deployment-manifest.json");
        assertThat(index.at("/release/version").asText()).isEqualTo("2.5.0");
        assertThat(index.at("/decision/decision").asText()).isEqualTo("NO_GO");
        assertThat(index.get("files")).extracting(f -> f.get("name").asText()).containsExactlyElementsOf(REQUIRED);
        assertThat(index.get("files")).filteredOn(f -> f.get("status").asText().equals("PENDING")).extracting(f -> f.get("name").asText())
                .containsExactly("observability-baseline.md");
        assertThat(index.at("/absentFiles/0/name").asText()).isEqualTo("staging-data-refresh.md");
        assertThat(index.get("completeness").asDouble()).isEqualTo(0.9091);
        long results = ReleaseLedger.noGo().events().stream().filter(e -> e.type().endsWith("RehearsalResultReceived")).count();
        assertThat(index.get("results")).hasSize((int) results);
        assertThat(index.get("results")).filteredOn(r -> r.at("/received/eventId").asText().equals("event-16")).first()
                .satisfies(r -> assertThat(r.at("/received/supersededBy").asText()).isEqualTo("event-17"));
        assertThat(index.get("results")).filteredOn(r -> r.at("/received/eventId").asText().equals("event-20")).first()
                .satisfies(r -> assertThat(r.at("/received/supersededBy").isNull()).isTrue());
        assertThat(index.get("gates")).extracting(g -> g.get("outcome").asText()).containsExactly("WAIVED", "FAILED", "FAILED", "FAILED");
        assertThat(index.get("statement").asText())
                .isEqualTo("Package of checkout 2.5.0 (release rel-200): 10 of 11 required file(s) ready; decision NO_GO.");
    }

    @Test
    void theChecklistStatesEachItemFromTheEventsBesideTheGatesVerdicts() {
        String checklist = text(ReleaseLedger.noGo().render(), "deployment-checklist.md");

        assertThat(checklist).contains(
                "Production deployment of checkout 2.5.0 to production-eu, as rehearsed on staging-eu; a rollback returns to rel-99 within the"
                        + " RTO of 10 min. Decision: **NO_GO** at 2026-11-20T09:41:00Z (event event-35).",
                "| 1 | Upstream artifacts present | MISSING | 5 of 6 required; missing UAT-CLOSURE-PACKAGE.zip |",
                "| 4 | Deployment rehearsal succeeded | DONE | SUCCEEDED, 0 blocking and 3 non-blocking error(s) | event-17 |",
                "| 5 | Test suites passed | FAILED | smoke passed, acceptance passed, regression failed |",
                "| 8 | Rollback rehearsal within the RTO | FAILED |",
                "| 9 | No blocking security finding | FAILED | 1 blocking, 1 suppressed |",
                "| 12 | Readiness approvals given | STALE | readiness stale | event-32 |",
                "| 2 Deployment rehearsal | FAILED | 2 regression test(s) failed | event-24 |",
                "Gate 4 measured this checklist incomplete.",
                "Waivers: gate 1 by the release-manager (event event-14); gate 3 by the ciso (event event-31).",
                "## Deployment sequence rehearsed on staging\n\nFrom the latest rehearsal (event event-17, SUCCEEDED in 3 min 0 s):\n\n"
                        + "1. pull-image: 30.0 s\n2. switch-traffic: 2 min 30 s\n3. verify\n",
                "- Deployment rehearsal of 2026-11-20T09:05:00Z failed at step migrate-db (event event-16); run again as event event-17.",
                "| 2 | releases | deployment-team, qa-lead | DELIVERED | 1 | 850 ms | none | event-25 |");
        assertThat(text(ReleaseLedger.go().render(), "deployment-checklist.md")).contains("Decision: **GO**",
                "| 11 | Runbooks updated, on-call named | DONE | runbooks: checkout.md (updated 2026-11-19T09:00:00Z); on call: alex (primary),"
                        + " jordan (backup) | event-28 |",
                "Nothing: no rehearsal had to be run again.", "No gate failure was announced.")
                .doesNotContain("| MISSING |", "| FAILED |", "| STALE |");
    }

    @Test
    void theDataRefreshIsInTheSetOnlyWhenOneWasReported() {
        Evidence go = ReleaseLedger.go().render();
        Evidence noGo = ReleaseLedger.noGo().render();

        assertThat(text(go, "staging-data-refresh.md")).contains("Refreshed at 2026-11-20T09:04:00Z; event event-15",
                "| customers | 12000 | prod-anonymized-2026-11-19 |", "| legacy-cart | no |\n| new-checkout | yes |\n");
        assertThat(noGo.file("staging-data-refresh.md")).isEmpty();
        assertThat(json(noGo.manifest().bytes()).at("/absentArtifacts/0/reason").asText()).isEqualTo("no staging data refresh was reported");
    }

    @Test
    void theManifestNamesTheUpstreamArtifactsAndWhoReadsThePackage() {
        ReleaseLedger ledger = ReleaseLedger.go();
        Evidence evidence = ledger.render();

        JsonNode manifest = json(evidence.manifest().bytes());
        assertThat(manifest.get("upstreamDependencies")).extracting(u -> u.get("artifact").asText() + " " + u.get("protocol").asText())
                .containsExactly("INTEGRATION-EVIDENCE.zip 11", "QUALITY-AUDIT-PACKAGE.zip 12", "UAT-CLOSURE-PACKAGE.zip 13", "deploy.sh null",
                        "release-manifest.json null", "rollback.sh null");
        assertThat(manifest.at("/upstreamDependencies/0/namedBy")).extracting(JsonNode::asText).containsExactly("event-1", "event-3");
        assertThat(manifest.get("downstreamDependencies")).extracting(d -> d.get("consumer").asText()).containsExactly(
                "protocol 15 production deployment", "protocol 17 incident response", "protocol 19 monitoring", "protocol 21 performance baseline");
        Artifact rollback = evidence.file("rollback-verification-report.json").orElseThrow();
        JsonNode entry = manifest.get("artifacts").findParents("name").stream()
                .filter(a -> a.get("name").asText().equals("rollback-verification-report.json")).findFirst().orElseThrow();
        assertThat(entry.get("sha256").asText()).isEqualTo(HashChain.sha256(rollback.bytes()));
        assertThat(entry.get("createdAt").asText()).isEqualTo(at(22).toString());
        LedgerEvent last = ledger.events().get(ledger.events().size() - 1);
        assertThat(manifest.at("/lastLeaf/leafHash").asText()).isEqualTo(last.leafHash());
    }

    @Test
    void resultsThatArriveBeforeTheReleaseIsRegisteredAreItsEvidenceAlready() {
        ReleaseLedger ledger = new ReleaseLedger(NO_GO_RELEASE);
        ledger.add(1, ledger.tests("smoke", 3, 1, 0, 0, 1));

        Evidence evidence = ledger.render();

        assertThat(new ReleaseArtifacts().covers(Set.of("io.gatehouse.events.RehearsalResultReceived"))).isTrue();
        assertThat(new ReleaseArtifacts().covers(Set.of("io.gatehouse.events.IncidentOpened"))).isFalse();
        assertThat(json(evidence, "intake-validation-report.json").get("statement").asText())
                .isEqualTo("The release is not registered yet, so nothing says which upstream artifacts and approvals intake requires.");
        assertThat(json(evidence, "staging-test-results.json").at("/suites/0/status").asText()).isEqualTo("FAILED");
        assertThat(text(evidence, "deployment-checklist.md")).startsWith("# Deployment checklist: release rel-200\n\nThe release is not registered yet.");
        assertThat(json(evidence.manifest().bytes()).get("completeness").asDouble()).as("1 of 11: the test results").isEqualTo(0.0909);
    }

    private static List<String> sorted(List<String> names, String... more) {
        return java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(more)).sorted().toList();
    }
}
