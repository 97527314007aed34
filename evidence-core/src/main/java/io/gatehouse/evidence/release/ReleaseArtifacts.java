package io.gatehouse.evidence.release;

import static io.gatehouse.evidence.artifacts.PlannedArtifact.Content.json;
import static io.gatehouse.evidence.artifacts.PlannedArtifact.Content.jsonOfSet;
import static io.gatehouse.evidence.artifacts.PlannedArtifact.Content.markdown;
import static io.gatehouse.evidence.artifacts.PlannedArtifact.Content.text;

import io.gatehouse.events.ConfigurationDriftMeasured;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.events.RollbackRehearsalAssessed;
import io.gatehouse.events.UpstreamArtifact;
import io.gatehouse.evidence.artifacts.EvidenceManifest;
import io.gatehouse.evidence.artifacts.EvidencePlan;
import io.gatehouse.evidence.artifacts.EvidenceProtocol;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * Protocol 14's evidence of a release: a subject is a release once it is registered or a pipeline result about it is
 * recorded (results may come first).
 *
 * <p>Required artifacts are always there, saying so while their phase has not happened: the intake report, the
 * waivers, the pre-deployment manifest and the checklist once the release is registered; the others once their
 * inputs arrive (a readiness approval for readiness-approval.json). staging-data-refresh.md, the seed's guideline
 * step, is there only when a data refresh was reported.
 */
public class ReleaseArtifacts implements EvidenceProtocol {

    public static final int PROTOCOL = Gates.PROTOCOL;
    public static final String BUNDLE = "PRE-DEPLOYMENT-PACKAGE.zip";
    static final String ROLLBACK_VERIFICATION = "rollback-verification-report.json";
    static final String READINESS_APPROVAL = "readiness-approval.json";
    static final String DEPLOYMENT_CHECKLIST = "deployment-checklist.md";

    private static final Set<String> RELEASE_EVENTS = Set.of(ReleaseRegistered.getClassSchema().getFullName(),
            RehearsalResultReceived.getClassSchema().getFullName());
    /** Which protocol hands over each upstream artifact protocol 14 requires by default; the rest come from no protocol. */
    private static final Map<String, Integer> UPSTREAM_PROTOCOLS = Map.of("QUALITY-AUDIT-PACKAGE.zip", 12, "INTEGRATION-EVIDENCE.zip", 11,
            "UAT-CLOSURE-PACKAGE.zip", 13);
    private static final List<EvidenceManifest.Downstream> DOWNSTREAM = List.of(
            new EvidenceManifest.Downstream("protocol 15 production deployment", List.of(BUNDLE, READINESS_APPROVAL, DEPLOYMENT_CHECKLIST)),
            new EvidenceManifest.Downstream("protocol 17 incident response", List.of(ROLLBACK_VERIFICATION)),
            new EvidenceManifest.Downstream("protocol 19 monitoring", List.of("observability-baseline.md", "staging-test-results.json")),
            new EvidenceManifest.Downstream("protocol 21 performance baseline", List.of("staging-parity-report.json")));

    @Override
    public int number() {
        return Gates.PROTOCOL;
    }

    @Override
    public String bundleName() {
        return BUNDLE;
    }

    @Override
    public boolean covers(Set<String> eventTypes) {
        return eventTypes.stream().anyMatch(RELEASE_EVENTS::contains);
    }

    /** Every decision, GO or NO_GO, is final as of its events: a later input re-decides, and seals again. */
    @Override
    public boolean isFinal(SpecificRecord event) {
        return event instanceof ReleaseDecided;
    }

    @Override
    public EvidencePlan plan(SubjectHistory history) {
        boolean registered = !history.all(ReleaseRegistered.class).isEmpty();
        List<LedgerEvent> dataRefresh = Results.sources(history, RehearsalResultKind.DATA_REFRESH);
        return EvidencePlan.builder()
                .required("intake-validation-report.json", json(IntakeValidationReport::of), IntakeValidationReport.sources(history), registered)
                .required("staging-parity-report.json", json(StagingParityReport::of), StagingParityReport.sources(history),
                        !history.all(ConfigurationDriftMeasured.class).isEmpty())
                .required("staging-deployment-run.log", text(DeploymentRunLog::render),
                        Results.sources(history, RehearsalResultKind.DEPLOYMENT_REHEARSAL))
                .required("staging-test-results.json", json(StagingTestResults::of),
                        Results.sources(history, RehearsalResultKind.TEST_REPORT, RehearsalResultKind.COVERAGE))
                .required("observability-baseline.md", markdown(ReleaseMarkdown::observabilityBaseline),
                        Results.sources(history, RehearsalResultKind.OBSERVABILITY_BASELINE))
                .required(ROLLBACK_VERIFICATION, json(RollbackVerificationReport::of), RollbackVerificationReport.sources(history),
                        !history.all(RollbackRehearsalAssessed.class).isEmpty())
                .required("security-compliance-report.json", json(SecurityComplianceReport::of), SecurityComplianceReport.sources(history),
                        SecurityComplianceReport.happened(history))
                .required("gate-waivers.json", json(GateWaivers::of), GateWaivers.sources(history), registered)
                .required("pre-deployment-manifest.json", jsonOfSet(PreDeploymentManifest::of), PreDeploymentManifest.sources(history), registered)
                .required(READINESS_APPROVAL, json(ReadinessApproval::of), ReadinessApproval.sources(history),
                        !Approvals.of(history, false).isEmpty())
                .required(DEPLOYMENT_CHECKLIST, markdown(DeploymentChecklist::render), history.events(), registered)
                .optional("staging-data-refresh.md", markdown(ReleaseMarkdown::stagingDataRefresh), dataRefresh, !dataRefresh.isEmpty(),
                        "no staging data refresh was reported")
                .build();
    }

    /**
     * Every upstream artifact the release requires or its pipeline published, by name: the protocol that hands it over
     * (none for release-manifest.json and the scripts), and the events that name it.
     */
    @Override
    public List<EvidenceManifest.Upstream> upstream(SubjectHistory history) {
        Map<String, List<String>> namedBy = new TreeMap<>();
        history.all(ReleaseRegistered.class).forEach(r -> r.event().getRequiredArtifacts()
                .forEach(name -> namedBy.computeIfAbsent(name, n -> new ArrayList<>()).add(r.eventId())));
        Results.of(history, RehearsalResultKind.UPSTREAM_ARTIFACT, UpstreamArtifact.class).forEach(r -> namedBy
                .computeIfAbsent(Results.summary(r, UpstreamArtifact.class).getName(), n -> new ArrayList<>()).add(r.eventId()));
        List<String> required = Registration.of(history).map(Registration::requiredArtifacts).orElse(List.of());
        return namedBy.entrySet().stream().map(e -> new EvidenceManifest.Upstream(UPSTREAM_PROTOCOLS.get(e.getKey()), history.subject(),
                e.getKey(), required.contains(e.getKey()) ? "gate 1 (intake confirmation) requires it, present with a valid checksum"
                        : "the pipeline published it as an upstream artifact of the release", List.copyOf(e.getValue()))).toList();
    }

    @Override
    public List<EvidenceManifest.Downstream> downstream(SubjectHistory history, EvidencePlan plan) {
        return DOWNSTREAM;
    }
}
