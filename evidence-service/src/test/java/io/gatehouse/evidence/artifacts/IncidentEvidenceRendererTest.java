package io.gatehouse.evidence.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.events.AffectedScope;
import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.MitigationApproved;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.events.MitigationOption;
import io.gatehouse.events.MitigationPlanned;
import io.gatehouse.events.NotificationOutcome;
import io.gatehouse.events.ReadinessItem;
import io.gatehouse.events.ReadinessStatus;
import io.gatehouse.events.RecoveryCheck;
import io.gatehouse.events.RecoveryCheckKind;
import io.gatehouse.events.RecoveryValidated;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.RollbackReadinessVerified;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.RootCauseEvidenceArchived;
import io.gatehouse.events.RootCauseEvidenceKind;
import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityConfirmed;
import io.gatehouse.events.SeverityInputs;
import io.gatehouse.events.SeverityReviewed;
import io.gatehouse.events.SeverityVerdict;
import io.gatehouse.events.StakeholdersNotified;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.evidence.ledger.CanonicalEvent;
import io.gatehouse.evidence.ledger.HashChain;
import io.gatehouse.evidence.ledger.LedgerEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class IncidentEvidenceRendererTest {

    private static final String INCIDENT = "inc-42";
    private static final Instant T0 = Instant.parse("2026-11-21T14:00:37.019Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> TWELVE = List.of("INCIDENT-REPORT.md", "communication-log.md", "decision-log.json",
            "incident-intake-log.md", "incident-timeline.md", "mitigation-execution-report.json", "mitigation-plan.md",
            "rca-manifest.json", "recovery-validation.json", "resolution-summary.json", "rollback-readiness-checklist.json",
            "severity-assessment.json");

    @Test
    void aWholeIncidentRendersEveryArtifactFromItsEvents() throws IOException {
        List<LedgerEvent> events = wholeIncident();

        IncidentEvidence evidence = IncidentEvidenceRenderer.render(INCIDENT, events);

        assertThat(evidence.artifacts()).extracting(Artifact::name).containsExactlyElementsOf(TWELVE);
        assertThat(evidence.artifacts()).allMatch(Artifact::phaseHappened);

        JsonNode severity = json(evidence, "severity-assessment.json");
        assertThat(severity.at("/proposal/severity").asText()).isEqualTo("SEV_1");
        assertThat(severity.at("/proposal/rule").asText()).isEqualTo("sev1.burn-rate");
        assertThat(severity.at("/proposal/inputs/sloBurnRate").asDouble()).isEqualTo(16.2);
        assertThat(severity.at("/proposal/policyVersion").asText()).isEqualTo("17.yaml@3");
        assertThat(severity.at("/reviews/0/reviewer").asText()).isEqualTo("bob");
        assertThat(severity.at("/consensus/reached").asBoolean()).isTrue();
        assertThat(severity.at("/consensus/confirmedBy").asText()).isEqualTo("alice");

        JsonNode decisions = json(evidence, "decision-log.json");
        assertThat(decisions.get("decisions")).extracting(d -> d.get("kind").asText())
                .containsExactly("SeverityConfirmed", "MitigationApproved", "MitigationApproved", "RollbackRequested");
        assertThat(decisions.at("/decisions/1/decidedBy").asText()).isEqualTo("alice");
        assertThat(decisions.at("/decisions/2/role").asText()).isEqualTo("release-manager");

        JsonNode execution = json(evidence, "mitigation-execution-report.json");
        assertThat(execution.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(execution.at("/rollbacks/0/execution/durationMillis").asLong()).isEqualTo(95_000);
        assertThat(execution.at("/rollbacks/0/execution/output").asText()).isEqualTo("rolled back to rel-41");
        assertThat(execution.at("/rollbacks/0/execution/requestEventId").asText()).isEqualTo(execution.at("/rollbacks/0/request/eventId").asText());

        assertThat(json(evidence, "recovery-validation.json").get("passRate").asDouble()).isEqualTo(1.0);
        assertThat(json(evidence, "rca-manifest.json").get("itemCount").asInt()).isEqualTo(3);
        assertThat(json(evidence, "resolution-summary.json").get("duration").asText()).isEqualTo("PT1H");

        assertThat(text(evidence, "mitigation-plan.md")).contains("**Chosen: ROLLBACK**", "### ROLLBACK (chosen)", "fastest way back",
                "data written since the release is kept");
        assertThat(text(evidence, "communication-log.md")).contains("| incident-bridge | incident-commander, sre |", "| DELIVERED | 2 | 4.2 s |");
        assertThat(text(evidence, "incident-timeline.md").lines().filter(l -> l.startsWith("| ") && !l.startsWith("| #")))
                .hasSize(events.size());
        assertThat(text(evidence, "INCIDENT-REPORT.md")).contains(
                "# Incident report: Checkout 5xx error rate above threshold",
                "**SEV-1**, confirmed by alice",
                "Why: rule `sev1.burn-rate`",
                "1 h 0 min",
                "| 1 Severity alignment | PASSED |",
                "| 2 Mitigation readiness | PASSED |",
                "| 3 Recovery validation | not evaluated yet |",
                "- Add a canary stage for checkout");
    }

    @Test
    void theManifestListsEveryArtifactWithItsDigestSourcesAndTheLedgerHead() throws IOException {
        List<LedgerEvent> events = wholeIncident();

        IncidentEvidence evidence = IncidentEvidenceRenderer.render(INCIDENT, events);

        JsonNode manifest = JSON.readTree(evidence.manifest().bytes());
        assertThat(manifest.get("subject").asText()).isEqualTo(INCIDENT);
        assertThat(manifest.get("protocol").asInt()).isEqualTo(17);
        assertThat(manifest.get("completeness").asDouble()).isEqualTo(1.0);
        assertThat(manifest.get("artifacts")).extracting(a -> a.get("name").asText()).containsExactlyElementsOf(TWELVE);
        Artifact plan = evidence.file("mitigation-plan.md").orElseThrow();
        JsonNode planEntry = manifest.get("artifacts").get(TWELVE.indexOf("mitigation-plan.md"));
        assertThat(planEntry.get("sha256").asText()).isEqualTo(HashChain.sha256(plan.bytes()));
        assertThat(planEntry.get("sizeBytes").asLong()).isEqualTo(plan.bytes().length);
        assertThat(planEntry.get("mediaType").asText()).isEqualTo("text/markdown; charset=utf-8");
        assertThat(planEntry.get("producer").asText()).isEqualTo("evidence-service");
        assertThat(planEntry.get("createdAt").asText()).isEqualTo("2026-11-21T14:20:37.019Z");
        assertThat(planEntry.get("derivedFrom")).extracting(JsonNode::asText).containsExactly(idOf(events, MitigationPlanned.class));
        assertThat(manifest.at("/upstreamDependencies/0/protocol").asInt()).isEqualTo(14);
        assertThat(manifest.at("/upstreamDependencies/0/subject").asText()).isEqualTo("rel-41");
        assertThat(manifest.at("/upstreamDependencies/0/artifact").asText()).isEqualTo("rollback-verification-report.json");
        assertThat(manifest.at("/downstreamDependencies/0/consumer").asText()).isEqualTo("protocol 22 postmortem");
        assertThat(manifest.at("/downstreamDependencies/0/artifacts")).extracting(JsonNode::asText)
                .containsExactly("INCIDENT-REPORT.md", "rca-manifest.json", "recovery-validation.json");
        LedgerEvent last = events.get(events.size() - 1);
        assertThat(manifest.at("/ledgerHead/seq").asLong()).isEqualTo(last.seq());
        assertThat(manifest.at("/ledgerHead/entryHash").asText()).isEqualTo(last.entryHash());
    }

    @Test
    void renderingTheSameEventsTwiceGivesTheSameBytes() {
        IncidentEvidence first = IncidentEvidenceRenderer.render(INCIDENT, wholeIncident());

        IncidentEvidence second = IncidentEvidenceRenderer.render(INCIDENT, wholeIncident());

        for (int i = 0; i < first.artifacts().size(); i++) {
            assertThat(second.artifacts().get(i).bytes()).as(first.artifacts().get(i).name()).isEqualTo(first.artifacts().get(i).bytes());
        }
        assertThat(second.manifest().bytes()).isEqualTo(first.manifest().bytes());
        assertThat(second.bundle()).isEqualTo(first.bundle());
    }

    @Test
    void theBundleHoldsEveryArtifactAndTheManifestSortedWithFixedTimes() throws IOException {
        IncidentEvidence evidence = IncidentEvidenceRenderer.render(INCIDENT, wholeIncident());

        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<ZipEntry> zipEntries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(evidence.bundle()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                zipEntries.add(entry);
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }

        List<String> expected = new ArrayList<>(TWELVE);
        expected.add("evidence-manifest.json");
        assertThat(entries.keySet()).containsExactlyElementsOf(expected.stream().sorted().toList());
        assertThat(zipEntries).allSatisfy(entry -> {
            assertThat(entry.getTimeLocal()).isEqualTo(EvidenceBundle.ENTRY_TIME);
            assertThat(entry.getExtra()).isNull();
        });
        assertThat(entries.get("severity-assessment.json")).isEqualTo(evidence.file("severity-assessment.json").orElseThrow().bytes());
        assertThat(entries.get("evidence-manifest.json")).isEqualTo(evidence.manifest().bytes());
    }

    @Test
    void anIncidentThatWasOnlyClassifiedStillHasAllTwelveArtifactsSayingWhatHasNotHappened() throws IOException {
        List<LedgerEvent> events = new ArrayList<>();
        add(events, T0, opened());
        add(events, T0.plusSeconds(1), classified());

        IncidentEvidence evidence = IncidentEvidenceRenderer.render(INCIDENT, events);

        assertThat(evidence.artifacts()).extracting(Artifact::name).containsExactlyElementsOf(TWELVE);
        assertThat(text(evidence, "mitigation-plan.md")).contains("No mitigation was planned.");
        assertThat(text(evidence, "communication-log.md")).contains("No stakeholders were notified.");
        assertThat(json(evidence, "rca-manifest.json").get("happened").asBoolean()).isFalse();
        assertThat(json(evidence, "rca-manifest.json").get("statement").asText()).isEqualTo("No root-cause evidence was archived.");
        assertThat(json(evidence, "severity-assessment.json").at("/consensus/statement").asText())
                .isEqualTo("The incident commander has not confirmed the severity yet.");
        assertThat(text(evidence, "INCIDENT-REPORT.md")).contains("It is not resolved", "Recovery has not been validated.",
                "| 4 Resolution & documentation | not evaluated yet |");
        assertThat(text(evidence, "incident-intake-log.md")).contains("| Service | checkout |", "proposed SEV-1", "| SLO burn rate | 16.20 |");
        Artifact mitigationPlan = evidence.file("mitigation-plan.md").orElseThrow();
        assertThat(mitigationPlan.derivedFrom()).isEmpty();
        assertThat(mitigationPlan.createdAt()).isEqualTo(T0.plusSeconds(1));

        JsonNode manifest = JSON.readTree(evidence.manifest().bytes());
        assertThat(manifest.get("completeness").asDouble()).isEqualTo(0.25).isLessThan(1.0);
        assertThat(manifest.get("pendingArtifacts")).extracting(JsonNode::asText).contains("mitigation-plan.md", "INCIDENT-REPORT.md")
                .doesNotContain("severity-assessment.json", "incident-intake-log.md", "incident-timeline.md");
        assertThat(manifest.get("upstreamDependencies")).isEmpty();
    }

    @Test
    void anEventIsReadFromTheCanonicalBytesTheLedgerHashed() {
        CloudEvent attributes = CloudEvent.of(opened(), "e-1", "/gatehouse/incident-service", INCIDENT, T0);
        LedgerEntry entry = new LedgerEntry();
        entry.seq = 7;
        entry.eventId = attributes.id();
        entry.type = attributes.type();
        entry.time = attributes.time();
        entry.canonical = CanonicalEvent.of(attributes, EventCodec.encode(opened()));
        entry.eventSha256 = HashChain.sha256(entry.canonical);
        entry.entryHash = HashChain.link(HashChain.GENESIS, entry.eventSha256);

        LedgerEvent event = LedgerEvent.of(entry);

        assertThat(event.event()).isEqualTo(opened());
        assertThat(event.seq()).isEqualTo(7);
        assertThat(event.sha256()).isEqualTo(entry.eventSha256);
    }

    @Test
    void anEntryWhoseBytesWereAlteredIsNamed() {
        LedgerEntry entry = new LedgerEntry();
        entry.seq = 9;
        entry.canonical = "{\"tampered\":true}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LedgerEvent.of(entry)).isInstanceOf(UnreadableLedgerEntry.class)
                .hasMessage("ledger entry 9 cannot be read: its canonical bytes have no data_base64");
    }

    private static List<LedgerEvent> wholeIncident() {
        List<LedgerEvent> events = new ArrayList<>();
        add(events, T0, opened());
        add(events, T0.plusSeconds(1), classified());
        add(events, T0.plusSeconds(5), StakeholdersNotified.newBuilder().setIncidentId(INCIDENT).setNotificationId("n-1")
                .setChannel("incident-bridge").setAudience(List.of("incident-commander", "sre")).setSeverity(Severity.SEV_1)
                .setReason("incident-opened").setOutcome(NotificationOutcome.DELIVERED).setAttempts(2).setRequestedAt(T0.plusSeconds(1))
                .setCompletedAt(T0.plusMillis(5_200)).setLatencyMillis(4_200).setLastError("HTTP 503 on the first attempt").build());
        add(events, T0.plusSeconds(60), SeverityReviewed.newBuilder().setIncidentId(INCIDENT).setReviewer("bob")
                .setVerdict(SeverityVerdict.CONFIRMED).setProposedSeverity(Severity.SEV_1).setReviewedAt(T0.plusSeconds(60)).build());
        add(events, T0.plusSeconds(120), SeverityConfirmed.newBuilder().setIncidentId(INCIDENT).setSeverity(Severity.SEV_1)
                .setProposedSeverity(Severity.SEV_1).setConfirmedBy("alice").setConfirmations(1).setDisputes(0).setNote("checkout is down")
                .setConfirmedAt(T0.plusSeconds(120)).build());
        add(events, T0.plusSeconds(121), gate(1, "Severity alignment", T0.plusSeconds(121)));
        add(events, T0.plusSeconds(1200), MitigationPlanned.newBuilder().setIncidentId(INCIDENT).setPlannedBy("alice")
                .setOptions(List.of(
                        MitigationOption.newBuilder().setKind(MitigationKind.ROLLBACK).setDescription("Roll checkout back to rel-41")
                                .setPros(List.of("fastest way back")).setCons(List.of("loses the new checkout flow"))
                                .setRisks(List.of("data written since the release is kept")).build(),
                        MitigationOption.newBuilder().setKind(MitigationKind.HOTFIX).setDescription("Fix forward")
                                .setPros(List.of("keeps the feature")).setCons(List.of("slow")).setRisks(List.of()).build()))
                .setChosen(MitigationKind.ROLLBACK)
                .setScope(AffectedScope.newBuilder().setServices(List.of("checkout")).setRegions(List.of("eu-west-1"))
                        .setDescription("every checkout in eu-west-1").build())
                .setPreviousRelease("rel-41").setPlannedAt(T0.plusSeconds(1200)).build());
        add(events, T0.plusSeconds(1260), RollbackReadinessVerified.newBuilder().setIncidentId(INCIDENT).setVerifiedBy("carol")
                .setPreviousRelease("rel-41").setItems(List.of(
                        ReadinessItem.newBuilder().setName("rollback-script-present").setStatus(ReadinessStatus.PASSED).setDetail("found").build(),
                        ReadinessItem.newBuilder().setName("data-backup-verified").setStatus(ReadinessStatus.PASSED).setDetail("03:00").build()))
                .setCoverage(1.0).setVerifiedAt(T0.plusSeconds(1260)).build());
        add(events, T0.plusSeconds(1300), MitigationApproved.newBuilder().setIncidentId(INCIDENT).setApprover("alice")
                .setRole("incident-commander").setChosen(MitigationKind.ROLLBACK).setApprovedAt(T0.plusSeconds(1300)).build());
        add(events, T0.plusSeconds(1320), MitigationApproved.newBuilder().setIncidentId(INCIDENT).setApprover("dave")
                .setRole("release-manager").setChosen(MitigationKind.ROLLBACK).setNote("go").setApprovedAt(T0.plusSeconds(1320)).build());
        add(events, T0.plusSeconds(1321), gate(2, "Mitigation readiness", T0.plusSeconds(1321)));
        LedgerEvent request = add(events, T0.plusSeconds(1400), RollbackRequested.newBuilder().setIncidentId(INCIDENT).setService("checkout")
                .setPreviousRelease("rel-41").setRequestedBy("alice").setGate2Outcome(GateOutcome.PASSED).setRequestedAt(T0.plusSeconds(1400))
                .build());
        add(events, T0.plusSeconds(1500), RollbackExecuted.newBuilder().setIncidentId(INCIDENT).setRequestEventId(request.eventId())
                .setStatus(ExecutionStatus.SUCCEEDED).setExecutor("deploy/rollback.sh").setStartedAt(T0.plusSeconds(1405))
                .setDurationMillis(95_000).setOutput("rolled back to rel-41").build());
        add(events, T0.plusSeconds(1800), RecoveryValidated.newBuilder().setIncidentId(INCIDENT).setReportedBy("carol")
                .setChecks(List.of(RecoveryCheck.newBuilder().setName("checkout smoke").setKind(RecoveryCheckKind.SMOKE_TEST).setPassed(true)
                        .build()))
                .setPassRate(1.0).setValidatedAt(T0.plusSeconds(1800)).build());
        for (RootCauseEvidenceKind kind : List.of(RootCauseEvidenceKind.LOG, RootCauseEvidenceKind.DASHBOARD, RootCauseEvidenceKind.DIFF)) {
            add(events, T0.plusSeconds(3000 + kind.ordinal()), RootCauseEvidenceArchived.newBuilder().setIncidentId(INCIDENT).setArchivedBy("carol")
                    .setKind(kind).setTitle(kind + " of the failure").setLocation("s3://rca/" + kind).setArchivedAt(T0.plusSeconds(3000)).build());
        }
        add(events, T0.plusSeconds(3600), IncidentResolved.newBuilder().setIncidentId(INCIDENT).setResolvedBy("alice")
                .setSummary("A bad checkout release was rolled back.").setSloRestored(true).setAlertsCleared(true)
                .setFollowUps(List.of("Add a canary stage for checkout")).setResolvedAt(T0.plusSeconds(3600)).build());
        return events;
    }

    private static IncidentOpened opened() {
        return IncidentOpened.newBuilder().setIncidentId(INCIDENT).setGroupingKey("checkout:CheckoutHighErrorRate").setService("checkout")
                .setAlertName("CheckoutHighErrorRate").setTitle("Checkout 5xx error rate above threshold").setOpenedAt(T0)
                .setOpeningAlertId("7e163a67800d46bf").setOpeningEventId("alert-event-1").build();
    }

    private static SeverityClassified classified() {
        return SeverityClassified.newBuilder().setIncidentId(INCIDENT).setSeverity(Severity.SEV_1).setRule("sev1.burn-rate")
                .setRationale("SLO burn rate 16.2 >= 14.4")
                .setInputs(SeverityInputs.newBuilder().setSloBurnRate(16.2).setUsersAffectedShare(0.3).setRegionsAffected(1)
                        .setServiceTier(1).setCustomerFacing(true).build())
                .setPolicyVersion("17.yaml@3").setClassifiedAt(T0.plusSeconds(1)).build();
    }

    private static GateEvaluated gate(int gate, String name, Instant at) {
        return GateEvaluated.newBuilder().setSubject(INCIDENT).setProtocol(17).setGate(gate).setName(name).setOutcome(GateOutcome.PASSED)
                .setMetrics(Map.of("consensus", 1.0)).setThresholds(Map.of()).setUnmetConditions(List.of()).setPolicyVersion("17.yaml@3")
                .setEvidenceEventIds(List.of()).setEvaluatedAt(at).build();
    }

    private static LedgerEvent add(List<LedgerEvent> events, Instant time, SpecificRecord event) {
        int seq = events.size() + 1;
        String eventId = "event-" + seq;
        String sha256 = HashChain.sha256((eventId + event).getBytes(StandardCharsets.UTF_8));
        String previous = events.isEmpty() ? HashChain.GENESIS : events.get(events.size() - 1).entryHash();
        LedgerEvent recorded = new LedgerEvent(100 + seq, eventId, event.getSchema().getFullName(), time, sha256,
                HashChain.link(previous, sha256), event);
        events.add(recorded);
        return recorded;
    }

    private static String idOf(List<LedgerEvent> events, Class<?> type) {
        return events.stream().filter(e -> type.isInstance(e.event())).findFirst().orElseThrow().eventId();
    }

    private static JsonNode json(IncidentEvidence evidence, String name) throws IOException {
        return JSON.readTree(evidence.file(name).orElseThrow().bytes());
    }

    private static String text(IncidentEvidence evidence, String name) {
        return new String(evidence.file(name).orElseThrow().bytes(), StandardCharsets.UTF_8);
    }
}
