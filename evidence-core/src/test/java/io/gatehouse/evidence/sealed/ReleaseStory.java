package io.gatehouse.evidence.sealed;

import io.gatehouse.events.ApprovalGranted;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateStanding;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseDecision;
import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.events.StoredArtifact;
import io.gatehouse.events.UpstreamArtifact;
import io.gatehouse.evidence.log.HashChain;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * A release decided NO_GO, then GO, as intake-service and rehearsal-service publish it: UAT-CLOSURE-PACKAGE.zip
 * never arrives and the release manager waives gate 1; a blocking finding fails gate 3 and no readiness approval
 * fails gate 4, so the first decision is NO_GO; the CISO and the CTO then waive gate 3 with compensating controls, the
 * release manager approves, and the second decision is GO. release-manifest.json is uploaded twice, the second
 * upload superseding the first.
 */
final class ReleaseStory {

    static final String RELEASE = "rel-300";
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    /** SHA-256 of the 14.yaml applied, as rehearsal-service reports it. */
    static final String POLICY = "3f5a0c0e2b4d6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708";
    static final List<String> REQUIRED_ARTIFACTS = List.of("QUALITY-AUDIT-PACKAGE.zip", "INTEGRATION-EVIDENCE.zip", "UAT-CLOSURE-PACKAGE.zip",
            "release-manifest.json", "deploy.sh", "rollback.sh");
    static final String NO_GO_GATE_3 = "Gate 3 (Rollback and security) failed: 1 blocking security finding";
    static final String NO_GO_GATE_4 = "Gate 4 (Readiness approval) failed: no readiness approval is given";
    private static final String INTAKE = "/gatehouse/intake-service";
    private static final String REHEARSAL = "/gatehouse/rehearsal-service";
    private static final List<String> GATE_NAMES = List.of("Intake confirmation", "Deployment rehearsal", "Rollback and security",
            "Readiness approval");

    final TestLog log = new TestLog();
    final SealedEvent noGo;
    final SealedEvent go;

    private ReleaseStory() {
        log.others(40);
        add(REHEARSAL, 0, ReleaseRegistered.newBuilder().setReleaseId(RELEASE).setService("checkout").setVersion("2.5.0")
                .setStagingEnvironment("staging-eu").setProductionEnvironment("production-eu").setRtoMinutes(10).setPreviousRelease("rel-299")
                .setRequiredArtifacts(REQUIRED_ARTIFACTS).setRequiredApprovals(List.of("quality-audit-readiness", "scope-fixed", "readiness"))
                .setExpectedDifferences(List.of("db.host")).setPolicyVersion(POLICY).setRegisteredBy("pipeline-ci").setRegisteredAt(at(0)).build());
        List.of("QUALITY-AUDIT-PACKAGE.zip", "INTEGRATION-EVIDENCE.zip", "release-manifest.json", "deploy.sh")
                .forEach(name -> add(INTAKE, 1, upstreamArtifact(name, 1)));
        add(INTAKE, 2, upstreamArtifact("release-manifest.json", 2));
        add(INTAKE, 2, upstreamArtifact("rollback.sh", 2));
        add(REHEARSAL, 2, approval("quality-audit-readiness", "senior-quality-engineer", "quinn", 2));
        add(REHEARSAL, 2, approval("scope-fixed", "product-owner", "pat", 2));
        List<String> missing = List.of("UAT-CLOSURE-PACKAGE.zip is missing");
        add(REHEARSAL, 3, gate(1, GateOutcome.FAILED, 3, Map.of("completeness", 0.8333), missing));
        add(REHEARSAL, 4, waiver(1, "rita", "release-manager", "The UAT package is signed on paper and filed with QA.", null, 4, at(60 * 24)));
        SealedEvent gate1 = add(REHEARSAL, 4, gate(1, GateOutcome.WAIVED, 4, Map.of("completeness", 0.8333), missing));
        SealedEvent gate2 = add(REHEARSAL, 15, gate(2, GateOutcome.PASSED, 15, Map.of("deploymentSucceeded", 1.0, "testsFailed", 0.0), List.of()));
        List<String> finding = List.of("1 blocking security finding");
        SealedEvent gate3Failed = add(REHEARSAL, 30, gate(3, GateOutcome.FAILED, 30, Map.of("blockingFindings", 1.0), finding));
        SealedEvent gate4Failed = add(REHEARSAL, 31, gate(4, GateOutcome.FAILED, 31, Map.of("approvalsGiven", 0.0, "approvalsRequired", 1.0),
                List.of("approvalsGiven 0 is below approvalsRequired 1")));
        noGo = add(REHEARSAL, 31, decided(ReleaseDecision.NO_GO, List.of(NO_GO_GATE_3, NO_GO_GATE_4), 31, List.of(gate1, gate2, gate3Failed, gate4Failed),
                List.of(GateOutcome.WAIVED, GateOutcome.PASSED, GateOutcome.FAILED, GateOutcome.FAILED)));
        log.others(25);
        add(REHEARSAL, 50, waiver(3, "cleo", "ciso", "The CVE needs a crafted header our gateway strips.", "WAF rule 931 blocks the header",
                50, at(60 * 24 * 14)));
        add(REHEARSAL, 52, waiver(3, "tom", "cto", "Same assessment as the CISO's.", "WAF rule 931 blocks the header; alert on it",
                52, at(60 * 24 * 14)));
        SealedEvent gate3 = add(REHEARSAL, 52, gate(3, GateOutcome.WAIVED, 52, Map.of("blockingFindings", 1.0), finding));
        add(REHEARSAL, 60, approval("readiness", "release-manager", "rita", 60));
        SealedEvent gate4 = add(REHEARSAL, 60, gate(4, GateOutcome.PASSED, 60, Map.of("approvalsGiven", 1.0, "approvalsRequired", 1.0), List.of()));
        go = add(REHEARSAL, 60, decided(ReleaseDecision.GO, List.of(), 60, List.of(gate1, gate2, gate3, gate4),
                List.of(GateOutcome.WAIVED, GateOutcome.PASSED, GateOutcome.WAIVED, GateOutcome.PASSED)));
        log.others(10);
    }

    static ReleaseStory recorded() {
        return new ReleaseStory();
    }

    SealedBundle sealNoGo() {
        return log.seal(RELEASE, 1, noGo);
    }

    SealedBundle sealGo() {
        return log.seal(RELEASE, 2, go);
    }

    /** The SHA-256 the pipeline reported for an upload of {@code name} at {@code minutes}. */
    static String digestOf(String name, long minutes) {
        return HashChain.sha256((name + minutes).getBytes(StandardCharsets.UTF_8));
    }

    private SealedEvent add(String source, long minutes, SpecificRecord event) {
        SealedEvent recorded = log.append(RELEASE, source, at(minutes), event);
        log.others(3);
        return recorded;
    }

    static Instant at(long minutes) {
        return T0.plusSeconds(minutes * 60);
    }

    private static RehearsalResultReceived upstreamArtifact(String name, long minutes) {
        return RehearsalResultReceived.newBuilder().setRelease(RELEASE).setKind(RehearsalResultKind.UPSTREAM_ARTIFACT).setScope(name)
                .setFormat("json")
                .setArtifact(StoredArtifact.newBuilder().setSha256(HashChain.sha256(("upload " + name + minutes).getBytes(StandardCharsets.UTF_8)))
                        .setSizeBytes(300 + minutes).setMediaType("application/json").build())
                .setSubmittedBy("pipeline-ci").setReceivedAt(at(minutes))
                .setSummary(UpstreamArtifact.newBuilder().setName(name).setSha256(digestOf(name, minutes)).setSizeBytes(4_096 * minutes)
                        .setUri("s3://releases/" + RELEASE + "/" + name).build())
                .build();
    }

    private static ApprovalGranted approval(String kind, String role, String approver, long minutes) {
        return ApprovalGranted.newBuilder().setRelease(RELEASE).setKind(kind).setApprover(approver).setRole(role).setExpiresAt(at(minutes + 60 * 24 * 7))
                .setEvidenceDigest(HashChain.sha256((kind + minutes).getBytes(StandardCharsets.UTF_8))).setGrantedAt(at(minutes)).build();
    }

    private static GateWaiverGranted waiver(int gate, String by, String role, String risk, String controls, long minutes, Instant expiresAt) {
        return GateWaiverGranted.newBuilder().setSubject(RELEASE).setProtocol(14).setGate(gate).setGrantedBy(by).setRole(role)
                .setRiskAssessment(risk).setCompensatingControls(controls).setExpiresAt(expiresAt).setGrantedAt(at(minutes)).build();
    }

    private static GateEvaluated gate(int gate, GateOutcome outcome, long minutes, Map<String, Double> metrics, List<String> unmet) {
        return GateEvaluated.newBuilder().setSubject(RELEASE).setProtocol(14).setGate(gate).setName(GATE_NAMES.get(gate - 1)).setOutcome(outcome)
                .setMetrics(new TreeMap<>(metrics)).setThresholds(new TreeMap<>()).setUnmetConditions(unmet).setPolicyVersion(POLICY)
                .setEvidenceEventIds(List.of()).setEvaluatedAt(at(minutes)).build();
    }

    private static ReleaseDecided decided(ReleaseDecision decision, List<String> reasons, long minutes, List<SealedEvent> evaluations,
                                          List<GateOutcome> outcomes) {
        List<GateStanding> gates = new ArrayList<>();
        for (int gate = 1; gate <= 4; gate++) {
            gates.add(GateStanding.newBuilder().setGate(gate).setOutcome(outcomes.get(gate - 1))
                    .setEvaluationEventId(evaluations.get(gate - 1).eventId()).build());
        }
        return ReleaseDecided.newBuilder().setRelease(RELEASE).setDecision(decision).setReasons(reasons).setGates(gates).setPolicyVersion(POLICY)
                .setEvidenceEventIds(evaluations.stream().map(SealedEvent::eventId).toList()).setDecidedAt(at(minutes)).build();
    }
}
