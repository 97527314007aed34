package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.RenderedFiles.json;
import static io.gatehouse.evidence.RenderedFiles.text;
import static io.gatehouse.evidence.RenderedFiles.unzip;
import static io.gatehouse.evidence.incident.IncidentLedger.INCIDENT;
import static io.gatehouse.evidence.incident.IncidentLedger.T0;
import static io.gatehouse.evidence.incident.IncidentLedger.at;
import static io.gatehouse.evidence.incident.IncidentLedger.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.events.MitigationPlanned;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.evidence.RenderedFiles.BundleEntry;
import io.gatehouse.evidence.artifacts.Artifact;
import io.gatehouse.evidence.artifacts.Evidence;
import io.gatehouse.evidence.artifacts.EvidenceBundle;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.UnreadableLedgerEntry;
import io.gatehouse.evidence.log.CanonicalEvent;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.evidence.log.MerkleHashes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

class IncidentEvidenceRendererTest {

    /** Protocol 17's artifacts that are always in the set. */
    static final List<String> REQUIRED = List.of("INCIDENT-REPORT.md", "communication-log.md", "decision-log.json",
            "incident-intake-log.md", "incident-timeline.md", "mitigation-execution-report.json", "mitigation-plan.md",
            "rca-manifest.json", "recovery-validation.json", "resolution-summary.json", "rollback-readiness-checklist.json",
            "severity-assessment.json", "traceability-matrix.json");
    /** The optional artifacts, each there only when its facts exist. */
    static final List<String> OPTIONAL = List.of("alert-tuning-feedback.json", "gate-1-validation.json", "gate-2-validation.json",
            "gate-3-validation.json", "gate-4-validation.json", "reviewer-signoff.json");

    @Test
    void aWholeIncidentRendersEveryArtifactFromItsEvents() {
        IncidentLedger ledger = IncidentLedger.wholeIncident();

        Evidence evidence = ledger.render();

        assertThat(evidence.artifacts()).extracting(Artifact::name).containsExactlyElementsOf(everyArtifact());
        assertThat(evidence.artifacts()).allMatch(Artifact::phaseHappened);

        JsonNode severity = json(evidence, "severity-assessment.json");
        assertThat(severity.at("/proposals/0/severity").asText()).isEqualTo("SEV_1");
        assertThat(severity.at("/proposals/0/rule").asText()).isEqualTo("sev1.burn-rate");
        assertThat(severity.at("/proposals/0/inputs/sloBurnRate").asDouble()).isEqualTo(16.2);
        assertThat(severity.at("/proposals/0/policyVersion").asText()).isEqualTo("17.yaml@3");
        assertThat(severity.at("/reviews/0/reviewer").asText()).isEqualTo("bob");
        assertThat(severity.at("/consensus/reached").asBoolean()).isTrue();
        assertThat(severity.at("/consensus/confirmedBy").asText()).isEqualTo("alice");

        JsonNode decisions = json(evidence, "decision-log.json");
        assertThat(decisions.get("decisions")).extracting(d -> d.get("kind").asText()).containsExactly("SeverityConfirmed", "MitigationApproved",
                "MitigationApproved", "RollbackRequested", "MitigationExecutionRequested", "GateWaiverGranted", "ResolutionReviewed",
                "ResolutionReviewed", "ResolutionReviewed");
        assertThat(decisions.at("/decisions/1/decidedBy").asText()).isEqualTo("alice");
        assertThat(decisions.at("/decisions/2/role").asText()).isEqualTo("release-manager");
        assertThat(decisions.at("/decisions/4/decision").asText()).isEqualTo("requested FEATURE_FLAG_DISABLE of checkout: Disable the new-pricing flag");
        assertThat(decisions.at("/decisions/5/details")).extracting(JsonNode::asText).containsExactly(
                "risk assessment: Only gift-card payments still fail; cards and wallets recovered.",
                "recovery plan: Keep new-pricing off, ship the gift-card hotfix, re-run the payment journey after it.");
        assertThat(decisions.at("/decisions/7/decision").asText()).isEqualTo("rejected the recovery validation");

        JsonNode execution = json(evidence, "mitigation-execution-report.json");
        assertThat(execution.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(execution.at("/executions/0/kind").asText()).isEqualTo("ROLLBACK");
        assertThat(execution.at("/executions/0/execution/durationMillis").asLong()).isEqualTo(95_000);
        assertThat(execution.at("/executions/0/execution/output").asText()).isEqualTo("rolled back to rel-41");
        assertThat(execution.at("/executions/0/execution/requestEventId").asText()).isEqualTo(execution.at("/executions/0/request/eventId").asText());

        assertThat(json(evidence, "recovery-validation.json").get("passRate").asDouble()).isEqualTo(0.5);
        assertThat(json(evidence, "rca-manifest.json").get("itemCount").asInt()).isEqualTo(3);
        assertThat(json(evidence, "resolution-summary.json").get("duration").asText()).isEqualTo("PT1H");

        assertThat(text(evidence, "mitigation-plan.md")).contains("**Chosen: ROLLBACK**", "### ROLLBACK (chosen)", "fastest way back",
                "data written since the release is kept");
        assertThat(text(evidence, "communication-log.md")).contains("| incident-bridge | incident-commander, sre |", "| DELIVERED | 2 | 4.2 s |");
        assertThat(text(evidence, "incident-timeline.md").lines().filter(l -> l.startsWith("| ") && !l.startsWith("| #")))
                .hasSize(ledger.events().size());
        assertThat(text(evidence, "INCIDENT-REPORT.md")).contains(
                "# Incident report: Checkout 5xx error rate above threshold",
                "**SEV-1**, confirmed by alice",
                "Why: rule `sev1.burn-rate`",
                "1 h 0 min",
                "| 1 Severity alignment | PASSED |",
                "| 2 Mitigation readiness | PASSED |",
                "| 3 Recovery validation | WAIVED |",
                "| 4 Resolution & documentation | PASSED |",
                "- Add a canary stage for checkout");
    }

    @Test
    void aNonRollbackMitigationIsReportedLikeARollback() {
        Evidence evidence = IncidentLedger.wholeIncident().render();

        JsonNode flag = json(evidence, "mitigation-execution-report.json").at("/executions/1");
        assertThat(flag.get("kind").asText()).isEqualTo("FEATURE_FLAG_DISABLE");
        assertThat(flag.at("/request/eventId").asText()).isEqualTo("event-17");
        assertThat(flag.at("/request/description").asText()).isEqualTo("Disable the new-pricing flag");
        assertThat(flag.at("/request/previousRelease").isNull()).isTrue();
        assertThat(flag.at("/execution/requestEventId").asText()).isEqualTo("event-17");
        assertThat(flag.at("/execution/status").asText()).isEqualTo("SUCCEEDED");
        assertThat(flag.at("/execution/finishedAt").asText()).isEqualTo("2026-11-21T14:32:47.019Z");
        assertThat(flag.at("/execution/duration").asText()).isEqualTo("PT25S");
        assertThat(evidence.file("mitigation-execution-report.json").orElseThrow().derivedFrom())
                .containsExactly("event-13", "event-14", "event-17", "event-18");
        assertThat(text(evidence, "INCIDENT-REPORT.md")).contains(
                "- FEATURE_FLAG_DISABLE of checkout requested by alice at 2026-11-21T14:32:17.019Z: Disable the new-pricing flag",
                "- FEATURE_FLAG_DISABLE SUCCEEDED after 25.0 s, by flagctl.");
        assertThat(text(evidence, "incident-timeline.md")).contains("| FEATURE_FLAG_DISABLE succeeded after 25.0 s (flagctl) |");
    }

    @Test
    void anExecutionWhoseRequestIsNotRecordedIsReportedOnItsOwn() {
        IncidentLedger ledger = IncidentLedger.openedAndClassified();
        ledger.add(10, MitigationExecuted.newBuilder().setIncidentId(INCIDENT).setRequestEventId("request-elsewhere")
                .setKind(MitigationKind.HOTFIX).setStatus(ExecutionStatus.FAILED).setExecutor("deploy/hotfix.sh").setStartedAt(at(5))
                .setDurationMillis(4_000).setOutput("image not found").build());

        JsonNode report = json(ledger.render(), "mitigation-execution-report.json");

        assertThat(report.get("status").asText()).isEqualTo("FAILED");
        assertThat(report.at("/executions/0/kind").asText()).isEqualTo("HOTFIX");
        assertThat(report.at("/executions/0/request").isNull()).isTrue();
        assertThat(report.at("/executions/0/execution/output").asText()).isEqualTo("image not found");
    }

    @Test
    void aProposalAfterSettlementLeavesTheSettledSeverityStandingAndAsksForConsensusAgain() {
        Evidence evidence = IncidentLedger.wholeIncident().render();

        JsonNode severity = json(evidence, "severity-assessment.json");
        assertThat(severity.get("severity").asText()).as("the settled severity stands").isEqualTo("SEV_1");
        assertThat(severity.at("/proposal/severity").asText()).isEqualTo("SEV_2");
        assertThat(severity.at("/proposal/settledSeverity").asText()).isEqualTo("SEV_1");
        assertThat(severity.at("/proposals/0/settledSeverity").isNull()).isTrue();
        assertThat(severity.at("/consensus/reached").asBoolean()).isTrue();
        assertThat(severity.at("/consensus/pendingProposals")).extracting(JsonNode::asText).containsExactly("event-7");
        assertThat(severity.at("/consensus/statement").asText()).isEqualTo("The incident commander settled the severity."
                + " 1 proposal(s) came after the settlement; SEV-1 stands and consensus is asked for again.");
        assertThat(text(evidence, "incident-intake-log.md")).contains("proposed SEV-2 (was SEV-1)",
                "Only a proposal: the incident commander had settled the severity as SEV-1, which stands, and consensus is asked for again.");
        assertThat(text(evidence, "INCIDENT-REPORT.md")).contains("**SEV-1**, confirmed by alice",
                "Proposed after the severity was settled; SEV-1 stands and consensus is asked for again:",
                "- SEV-2 at 2026-11-21T14:10:37.019Z by rule `sev2.users-affected`: 6 % of users affected >= 5 %");
    }

    @Test
    void theTimelineAndTheReportMentionSignOffsAndAlertFeedback() {
        Evidence evidence = IncidentLedger.wholeIncident().render();

        assertThat(text(evidence, "incident-timeline.md")).contains(
                "| ResolutionReviewed | Sign-off by erin as performance-engineer: rejected the recovery validation"
                        + " (p99 latency still 30 % above the baseline) | event-30 |",
                "| AlertFeedbackRecorded | Alert feedback from carol: PaymentProviderErrors missing;"
                        + " suggests: Alert on payment-provider 5xx per region | event-28 |",
                "| GateWaiverGranted | Gate 3 waived by alice as incident-commander, with a recovery plan: Keep new-pricing off,");
        assertThat(text(evidence, "INCIDENT-REPORT.md")).contains(
                "## Reviewer sign-off\n\nSigned off: the incident commander approved the resolution and a performance engineer approved"
                        + " the recovery validation.\n",
                "- erin (performance-engineer) rejected the recovery validation at 2026-11-21T15:05:37.019Z: p99 latency still 30 % above the baseline",
                "## Alert-tuning feedback\n\n- CheckoutHighErrorRate (7e163a67800d46bf): useful (1), noisy (1);"
                        + " suggested: Group the per-pod alerts into one per service\n"
                        + "- PaymentProviderErrors (no such alert fired): missing (1); suggested: Alert on payment-provider 5xx per region\n",
                "Recovery plan: Keep new-pricing off, ship the gift-card hotfix, re-run the payment journey after it.");
    }

    @Test
    void theReportListsTheBundlesFilesAndWhatIsNotInIt() {
        Evidence whole = IncidentLedger.wholeIncident().render();
        Evidence classified = IncidentLedger.openedAndClassified().render();

        assertThat(text(whole, "INCIDENT-REPORT.md")).contains("## Evidence\n\nINCIDENT-EVIDENCE-BUNDLE.zip holds these files and"
                + " evidence-manifest.json, which gives each one's SHA-256 and the events it was derived from:\n\n- INCIDENT-REPORT.md\n"
                + "- alert-tuning-feedback.json\n")
                .contains("- reviewer-signoff.json\n- rollback-readiness-checklist.json\n- severity-assessment.json\n- traceability-matrix.json\n")
                .doesNotContain("Not in the bundle");
        assertThat(text(classified, "INCIDENT-REPORT.md")).contains("- mitigation-plan.md (its phase has not happened yet)\n",
                "Not in the bundle:\n\n- alert-tuning-feedback.json: no alert-tuning feedback was recorded\n",
                "- gate-1-validation.json: gate 1 (Severity alignment) was never evaluated\n",
                "- reviewer-signoff.json: no reviewer has signed off the resolution or the recovery validation\n",
                "## Reviewer sign-off\n\nNot signed off: the incident commander has not reviewed the resolution; a performance engineer"
                        + " has not reviewed the recovery validation.\n",
                "## Alert-tuning feedback\n\nNone recorded.\n");
    }

    @Test
    void theManifestListsEveryArtifactWithItsDigestSourcesAndTheLedgerHead() {
        IncidentLedger ledger = IncidentLedger.wholeIncident();

        Evidence evidence = ledger.render();

        JsonNode manifest = json(evidence.manifest().bytes());
        assertThat(manifest.get("subject").asText()).isEqualTo(INCIDENT);
        assertThat(manifest.get("protocol").asInt()).isEqualTo(17);
        assertThat(manifest.get("completeness").asDouble()).isEqualTo(1.0);
        assertThat(manifest.get("pendingArtifacts")).isEmpty();
        assertThat(manifest.get("absentArtifacts")).isEmpty();
        assertThat(manifest.get("artifacts")).extracting(a -> a.get("name").asText()).containsExactlyElementsOf(everyArtifact());
        Artifact plan = evidence.file("mitigation-plan.md").orElseThrow();
        JsonNode planEntry = manifest.get("artifacts").get(everyArtifact().indexOf("mitigation-plan.md"));
        assertThat(planEntry.get("sha256").asText()).isEqualTo(HashChain.sha256(plan.bytes()));
        assertThat(planEntry.get("sizeBytes").asLong()).isEqualTo(plan.bytes().length);
        assertThat(planEntry.get("mediaType").asText()).isEqualTo("text/markdown; charset=utf-8");
        assertThat(planEntry.get("producer").asText()).isEqualTo("evidence-service");
        assertThat(planEntry.get("createdAt").asText()).isEqualTo("2026-11-21T14:20:37.019Z");
        assertThat(planEntry.get("derivedFrom")).extracting(JsonNode::asText).containsExactly(idOf(ledger, MitigationPlanned.class));
        JsonNode gate3Entry = manifest.get("artifacts").get(everyArtifact().indexOf("gate-3-validation.json"));
        assertThat(gate3Entry.get("derivedFrom")).extracting(JsonNode::asText)
                .containsExactly("event-14", "event-15", "event-16", "event-18", "event-19", "event-20");
        assertThat(gate3Entry.get("createdAt").asText()).isEqualTo(at(2000).toString());
        assertThat(manifest.at("/upstreamDependencies/0/protocol").asInt()).isEqualTo(14);
        assertThat(manifest.at("/upstreamDependencies/0/subject").asText()).isEqualTo("rel-41");
        assertThat(manifest.at("/upstreamDependencies/0/artifact").asText()).isEqualTo("rollback-verification-report.json");
        assertThat(manifest.at("/downstreamDependencies/0/consumer").asText()).isEqualTo("protocol 22 postmortem");
        assertThat(manifest.at("/downstreamDependencies/0/artifacts")).extracting(JsonNode::asText)
                .containsExactly("INCIDENT-REPORT.md", "rca-manifest.json", "recovery-validation.json");
        assertThat(manifest.at("/downstreamDependencies/1/consumer").asText()).isEqualTo("protocol 19 monitoring");
        assertThat(manifest.at("/downstreamDependencies/1/artifacts")).extracting(JsonNode::asText).containsExactly("alert-tuning-feedback.json");
        LedgerEvent last = ledger.events().get(ledger.events().size() - 1);
        assertThat(manifest.at("/lastLeaf/leafIndex").asLong()).isEqualTo(last.leafIndex());
        assertThat(manifest.at("/lastLeaf/leafHash").asText()).isEqualTo(last.leafHash());
    }

    @Test
    void theBundleHoldsEveryArtifactAndTheManifestSortedWithFixedTimes() {
        Evidence evidence = IncidentLedger.wholeIncident().render();

        List<BundleEntry> bundle = unzip(evidence.bundle());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        bundle.forEach(entry -> entries.put(entry.name(), entry.bytes()));
        List<ZipEntry> zipEntries = bundle.stream().map(BundleEntry::entry).toList();

        List<String> expected = new ArrayList<>(everyArtifact());
        expected.add("evidence-manifest.json");
        assertThat(entries.keySet()).containsExactlyElementsOf(expected.stream().sorted().toList());
        assertThat(zipEntries).allSatisfy(entry -> {
            assertThat(entry.getTimeLocal()).isEqualTo(EvidenceBundle.ENTRY_TIME);
            assertThat(entry.getExtra()).isNull();
        });
        assertThat(entries.get("severity-assessment.json")).isEqualTo(evidence.file("severity-assessment.json").orElseThrow().bytes());
        assertThat(entries.get("traceability-matrix.json")).isEqualTo(evidence.file("traceability-matrix.json").orElseThrow().bytes());
        assertThat(entries.get("evidence-manifest.json")).isEqualTo(evidence.manifest().bytes());
    }

    @Test
    void anIncidentThatWasOnlyClassifiedHasEveryRequiredArtifactSayingWhatHasNotHappened() {
        Evidence evidence = IncidentLedger.openedAndClassified().render();

        assertThat(evidence.artifacts()).extracting(Artifact::name).containsExactlyElementsOf(REQUIRED);
        assertThat(text(evidence, "mitigation-plan.md")).contains("No mitigation was planned.");
        assertThat(text(evidence, "communication-log.md")).contains("No stakeholders were notified.");
        assertThat(json(evidence, "rca-manifest.json").get("happened").asBoolean()).isFalse();
        assertThat(json(evidence, "rca-manifest.json").get("statement").asText()).isEqualTo("No root-cause evidence was archived.");
        assertThat(json(evidence, "mitigation-execution-report.json").get("statement").asText())
                .isEqualTo("No mitigation was requested or executed.");
        assertThat(json(evidence, "severity-assessment.json").at("/consensus/statement").asText())
                .isEqualTo("The incident commander has not confirmed the severity yet.");
        assertThat(json(evidence, "severity-assessment.json").get("severity").asText()).isEqualTo("SEV_1");
        assertThat(text(evidence, "INCIDENT-REPORT.md")).contains("It is not resolved", "Recovery has not been validated.",
                "| 4 Resolution & documentation | not evaluated yet |", "**SEV-1** as proposed by the rules");
        assertThat(text(evidence, "incident-intake-log.md")).contains("| Service | checkout |", "proposed SEV-1", "| SLO burn rate | 16.20 |");
        Artifact mitigationPlan = evidence.file("mitigation-plan.md").orElseThrow();
        assertThat(mitigationPlan.derivedFrom()).isEmpty();
        assertThat(mitigationPlan.createdAt()).isEqualTo(at(1));

        JsonNode manifest = json(evidence.manifest().bytes());
        assertThat(manifest.get("completeness").asDouble()).as("4 of 13 required artifacts").isEqualTo(0.3077);
        assertThat(manifest.get("pendingArtifacts")).extracting(JsonNode::asText).contains("mitigation-plan.md", "INCIDENT-REPORT.md")
                .doesNotContain("severity-assessment.json", "incident-intake-log.md", "incident-timeline.md", "traceability-matrix.json");
        assertThat(manifest.get("absentArtifacts")).extracting(a -> a.get("name").asText()).containsExactlyElementsOf(OPTIONAL);
        assertThat(manifest.get("upstreamDependencies")).isEmpty();
        assertThat(manifest.get("downstreamDependencies")).extracting(d -> d.get("consumer").asText()).containsExactly("protocol 22 postmortem");
    }

    @Test
    void anEventIsReadFromTheCanonicalBytesTheLedgerHashed() {
        CloudEvent attributes = CloudEvent.of(opened(), "e-1", "/gatehouse/incident-service", INCIDENT, T0);
        byte[] canonical = CanonicalEvent.of(attributes, EventCodec.encode(opened()));

        LedgerEvent event = LedgerEvent.of(7, attributes.id(), attributes.type(), attributes.time(), canonical);

        assertThat(event.event()).isEqualTo(opened());
        assertThat(event.seq()).isEqualTo(7);
        assertThat(event.leafIndex()).isEqualTo(6);
        assertThat(event.sha256()).isEqualTo(HashChain.sha256(canonical));
        assertThat(event.leafHash()).isEqualTo(MerkleHashes.leafHex(canonical));
    }

    @Test
    void anEntryWhoseBytesWereAlteredIsNamed() {
        byte[] tampered = "{\"tampered\":true}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LedgerEvent.of(9, "e-9", "io.gatehouse.events.IncidentOpened", T0, tampered)).isInstanceOf(UnreadableLedgerEntry.class)
                .hasMessage("ledger entry 9 cannot be read: its canonical bytes have no data_base64");
    }

    /** Every artifact of a whole incident, sorted by name. */
    static List<String> everyArtifact() {
        List<String> all = new ArrayList<>(REQUIRED);
        all.addAll(OPTIONAL);
        return all.stream().sorted().toList();
    }

    private static String idOf(IncidentLedger ledger, Class<?> type) {
        return ledger.events().stream().filter(e -> type.isInstance(e.event())).findFirst().orElseThrow().eventId();
    }
}
