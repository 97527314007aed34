package io.gatehouse.evidence.incident;

import io.gatehouse.events.AffectedScope;
import io.gatehouse.events.AlertFeedbackRecorded;
import io.gatehouse.events.AlertFeedbackVerdict;
import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.MitigationApproved;
import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.events.MitigationOption;
import io.gatehouse.events.MitigationPlanned;
import io.gatehouse.events.NotificationOutcome;
import io.gatehouse.events.ReadinessItem;
import io.gatehouse.events.ReadinessStatus;
import io.gatehouse.events.RecoveryCheck;
import io.gatehouse.events.RecoveryCheckKind;
import io.gatehouse.events.RecoveryValidated;
import io.gatehouse.events.ResolutionReviewed;
import io.gatehouse.events.ReviewedItem;
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
import io.gatehouse.events.SignOffVerdict;
import io.gatehouse.events.StakeholdersNotified;
import io.gatehouse.evidence.SyntheticLedger;
import io.gatehouse.evidence.artifacts.Evidence;
import io.gatehouse.evidence.artifacts.EvidenceRenderer;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * An incident's events as the ledger holds them, for the renderer's tests: appended in ledger order, the n-th with
 * id {@code event-n}, times given as seconds after {@link #T0}.
 */
final class IncidentLedger {

    static final String INCIDENT = "inc-42";
    static final Instant T0 = Instant.parse("2026-11-21T14:00:37.019Z");
    static final String OPENING_ALERT = "7e163a67800d46bf";
    private static final List<String> GATE_NAMES = List.of("Severity alignment", "Mitigation readiness", "Recovery validation",
            "Resolution & documentation");

    private final SyntheticLedger ledger = new SyntheticLedger(100);

    /** Appends the event, recorded {@code seconds} after T0; returns its ledger entry. */
    LedgerEvent add(long seconds, SpecificRecord event) {
        return ledger.append(at(seconds), event);
    }

    List<LedgerEvent> events() {
        return ledger.events();
    }

    Evidence render() {
        return EvidenceRenderer.render(new IncidentArtifacts(), INCIDENT, ledger.events());
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** An incident that was only opened and classified. */
    static IncidentLedger openedAndClassified() {
        IncidentLedger ledger = new IncidentLedger();
        ledger.add(0, opened());
        ledger.add(1, classified());
        return ledger;
    }

    /**
     * An incident through every phase, ids as numbered: the severity settled at event-5 and proposed again at event-7;
     * a rollback (event-13, 14) whose recovery fails gate 3 (event-16); a feature flag disabled (event-17, 18); gate 3
     * waived with a recovery plan (event-19, 20); resolution and gate 4 (event-24, 25); alert feedback (event-26 to 28);
     * sign-offs, the performance engineer's rejection replaced by an approval (event-29 to 31).
     */
    static IncidentLedger wholeIncident() {
        IncidentLedger ledger = openedAndClassified();
        ledger.add(5, StakeholdersNotified.newBuilder().setIncidentId(INCIDENT).setNotificationId("n-1")
                .setChannel("incident-bridge").setAudience(List.of("incident-commander", "sre")).setSeverity(Severity.SEV_1)
                .setReason("incident-opened").setOutcome(NotificationOutcome.DELIVERED).setAttempts(2).setRequestedAt(at(1))
                .setCompletedAt(T0.plusMillis(5_200)).setLatencyMillis(4_200).setLastError("HTTP 503 on the first attempt").build());
        ledger.add(60, SeverityReviewed.newBuilder().setIncidentId(INCIDENT).setReviewer("bob")
                .setVerdict(SeverityVerdict.CONFIRMED).setProposedSeverity(Severity.SEV_1).setReviewedAt(at(60)).build());
        ledger.add(120, SeverityConfirmed.newBuilder().setIncidentId(INCIDENT).setSeverity(Severity.SEV_1)
                .setProposedSeverity(Severity.SEV_1).setConfirmedBy("alice").setConfirmations(1).setDisputes(0).setNote("checkout is down")
                .setConfirmedAt(at(120)).build());
        ledger.add(121, gate(1, GateOutcome.PASSED, 121,
                Map.of("consensusReached", 1.0, "notificationLatencySeconds", 4.2, "stakeholdersNotified", 2.0),
                Map.of("consensusReached", "= 1", "notificationLatencySeconds", "<= 300"), List.of(), List.of("event-5", "event-3")));
        ledger.add(600, SeverityClassified.newBuilder().setIncidentId(INCIDENT).setSeverity(Severity.SEV_2).setPreviousSeverity(Severity.SEV_1)
                .setSettledSeverity(Severity.SEV_1).setRule("sev2.users-affected").setRationale("6 % of users affected >= 5 %")
                .setInputs(SeverityInputs.newBuilder().setUsersAffectedShare(0.06).setServiceTier(1).setCustomerFacing(true).build())
                .setPolicyVersion("17.yaml@3").setClassifiedAt(at(600)).build());
        ledger.add(1200, MitigationPlanned.newBuilder().setIncidentId(INCIDENT).setPlannedBy("alice")
                .setOptions(List.of(
                        MitigationOption.newBuilder().setKind(MitigationKind.ROLLBACK).setDescription("Roll checkout back to rel-41")
                                .setPros(List.of("fastest way back")).setCons(List.of("loses the new checkout flow"))
                                .setRisks(List.of("data written since the release is kept")).build(),
                        MitigationOption.newBuilder().setKind(MitigationKind.FEATURE_FLAG_DISABLE).setDescription("Disable the new-pricing flag")
                                .setPros(List.of("instant")).setCons(List.of("only the pricing path is flagged")).setRisks(List.of()).build(),
                        MitigationOption.newBuilder().setKind(MitigationKind.HOTFIX).setDescription("Fix forward")
                                .setPros(List.of("keeps the feature")).setCons(List.of("slow")).setRisks(List.of()).build()))
                .setChosen(MitigationKind.ROLLBACK)
                .setScope(AffectedScope.newBuilder().setServices(List.of("checkout")).setRegions(List.of("eu-west-1"))
                        .setDescription("every checkout in eu-west-1").build())
                .setPreviousRelease("rel-41").setPlannedAt(at(1200)).build());
        ledger.add(1260, RollbackReadinessVerified.newBuilder().setIncidentId(INCIDENT).setVerifiedBy("carol")
                .setPreviousRelease("rel-41").setItems(List.of(
                        ReadinessItem.newBuilder().setName("rollback-script-present").setStatus(ReadinessStatus.PASSED).setDetail("found").build(),
                        ReadinessItem.newBuilder().setName("data-backup-verified").setStatus(ReadinessStatus.PASSED).setDetail("03:00").build()))
                .setCoverage(1.0).setVerifiedAt(at(1260)).build());
        ledger.add(1300, MitigationApproved.newBuilder().setIncidentId(INCIDENT).setApprover("alice")
                .setRole("incident-commander").setChosen(MitigationKind.ROLLBACK).setApprovedAt(at(1300)).build());
        ledger.add(1320, MitigationApproved.newBuilder().setIncidentId(INCIDENT).setApprover("dave")
                .setRole("release-manager").setChosen(MitigationKind.ROLLBACK).setNote("go").setApprovedAt(at(1320)).build());
        ledger.add(1321, gate(2, GateOutcome.PASSED, 1321,
                Map.of("readinessCoverage", 1.0, "approvals", 2.0, "approvalLatencySeconds", 20.0, "decisionLatencySeconds", 120.0),
                Map.of("readinessCoverage", "= 1.0", "approvals", "= 2 (incident commander and release manager)"), List.of(),
                List.of("event-8", "event-9", "event-10", "event-11")));
        LedgerEvent rollback = ledger.add(1400, RollbackRequested.newBuilder().setIncidentId(INCIDENT).setService("checkout")
                .setPreviousRelease("rel-41").setRequestedBy("alice").setGate2Outcome(GateOutcome.PASSED).setRequestedAt(at(1400)).build());
        ledger.add(1500, RollbackExecuted.newBuilder().setIncidentId(INCIDENT).setRequestEventId(rollback.eventId())
                .setStatus(ExecutionStatus.SUCCEEDED).setExecutor("deploy/rollback.sh").setStartedAt(at(1405))
                .setDurationMillis(95_000).setOutput("rolled back to rel-41").build());
        ledger.add(1800, RecoveryValidated.newBuilder().setIncidentId(INCIDENT).setReportedBy("carol")
                .setChecks(List.of(
                        RecoveryCheck.newBuilder().setName("checkout smoke").setKind(RecoveryCheckKind.SMOKE_TEST).setPassed(true).build(),
                        RecoveryCheck.newBuilder().setName("gift-card payment").setKind(RecoveryCheckKind.USER_JOURNEY).setPassed(false)
                                .setDetail("gift cards declined").build()))
                .setPassRate(0.5).setValidatedAt(at(1800)).build());
        Map<String, Double> recovery = Map.of("executionComplete", 1.0, "recoveryPassRate", 0.5, "criticalChecksPassed", 1.0,
                "criticalChecksTotal", 2.0, "recoveryTimeSeconds", 400.0, "timelineCompleteness", 1.0);
        Map<String, String> recoveryCriteria = Map.of("executionComplete", "= 1", "recoveryPassRate", ">= 0.95");
        List<String> recoveryShort = List.of("recovery checks passed at 0.5, below 0.95");
        ledger.add(1800, gate(3, GateOutcome.FAILED, 1800, recovery, recoveryCriteria, recoveryShort, List.of("event-14", "event-15")));
        LedgerEvent flag = ledger.add(1900, MitigationExecutionRequested.newBuilder().setIncidentId(INCIDENT)
                .setKind(MitigationKind.FEATURE_FLAG_DISABLE).setService("checkout").setDescription("Disable the new-pricing flag")
                .setRequestedBy("alice").setGate2Outcome(GateOutcome.PASSED).setRequestedAt(at(1900)).build());
        ledger.add(1930, MitigationExecuted.newBuilder().setIncidentId(INCIDENT).setRequestEventId(flag.eventId())
                .setKind(MitigationKind.FEATURE_FLAG_DISABLE).setStatus(ExecutionStatus.SUCCEEDED).setExecutor("flagctl")
                .setStartedAt(at(1905)).setDurationMillis(25_000).setOutput("new-pricing: off").build());
        ledger.add(2000, GateWaiverGranted.newBuilder().setSubject(INCIDENT).setProtocol(17).setGate(3).setGrantedBy("alice")
                .setRole("incident-commander").setRiskAssessment("Only gift-card payments still fail; cards and wallets recovered.")
                .setRecoveryPlan("Keep new-pricing off, ship the gift-card hotfix, re-run the payment journey after it.")
                .setGrantedAt(at(2000)).build());
        ledger.add(2000, gate(3, GateOutcome.WAIVED, 2000, recovery, recoveryCriteria, recoveryShort,
                List.of("event-14", "event-15", "event-18", "event-19")));
        for (RootCauseEvidenceKind kind : List.of(RootCauseEvidenceKind.LOG, RootCauseEvidenceKind.DASHBOARD, RootCauseEvidenceKind.DIFF)) {
            ledger.add(3000 + kind.ordinal(), RootCauseEvidenceArchived.newBuilder().setIncidentId(INCIDENT).setArchivedBy("carol")
                    .setKind(kind).setTitle(kind + " of the failure").setLocation("s3://rca/" + kind).setArchivedAt(at(3000)).build());
        }
        ledger.add(3600, IncidentResolved.newBuilder().setIncidentId(INCIDENT).setResolvedBy("alice")
                .setSummary("A bad checkout release was rolled back.").setSloRestored(true).setAlertsCleared(true)
                .setFollowUps(List.of("Add a canary stage for checkout")).setResolvedAt(at(3600)).build());
        ledger.add(3600, gate(4, GateOutcome.PASSED, 3600,
                Map.of("documentationCompleteness", 1.0, "rootCauseItems", 3.0, "stakeholdersNotifiedOfResolution", 1.0,
                        "timelineCompleteness", 1.0),
                Map.of("documentationCompleteness", ">= 0.95", "stakeholdersNotifiedOfResolution", "= 1"), List.of(),
                List.of("event-24", "event-21", "event-22", "event-23")));
        ledger.add(3700, feedback(OPENING_ALERT, "CheckoutHighErrorRate", AlertFeedbackVerdict.USEFUL, null, "bob", 3700));
        ledger.add(3710, feedback(OPENING_ALERT, "CheckoutHighErrorRate", AlertFeedbackVerdict.NOISY,
                "Group the per-pod alerts into one per service", "carol", 3710));
        ledger.add(3720, feedback(null, "PaymentProviderErrors", AlertFeedbackVerdict.MISSING, "Alert on payment-provider 5xx per region",
                "carol", 3720));
        ledger.add(3800, review("alice", "incident-commander", ReviewedItem.RESOLUTION, SignOffVerdict.APPROVED,
                "SLOs held for an hour after the flag was turned off", 3800));
        ledger.add(3900, review("erin", "performance-engineer", ReviewedItem.RECOVERY_VALIDATION, SignOffVerdict.REJECTED,
                "p99 latency still 30 % above the baseline", 3900));
        ledger.add(4000, review("erin", "performance-engineer", ReviewedItem.RECOVERY_VALIDATION, SignOffVerdict.APPROVED,
                "p99 latency back within 5 % of the baseline once the cache warmed up", 4000));
        return ledger;
    }

    static IncidentOpened opened() {
        return IncidentOpened.newBuilder().setIncidentId(INCIDENT).setGroupingKey("checkout:CheckoutHighErrorRate").setService("checkout")
                .setAlertName("CheckoutHighErrorRate").setTitle("Checkout 5xx error rate above threshold").setOpenedAt(T0)
                .setOpeningAlertId(OPENING_ALERT).setOpeningEventId("alert-event-1").build();
    }

    static SeverityClassified classified() {
        return SeverityClassified.newBuilder().setIncidentId(INCIDENT).setSeverity(Severity.SEV_1).setRule("sev1.burn-rate")
                .setRationale("SLO burn rate 16.2 >= 14.4")
                .setInputs(SeverityInputs.newBuilder().setSloBurnRate(16.2).setUsersAffectedShare(0.3).setRegionsAffected(1)
                        .setServiceTier(1).setCustomerFacing(true).build())
                .setPolicyVersion("17.yaml@3").setClassifiedAt(at(1)).build();
    }

    static GateEvaluated gate(int gate, GateOutcome outcome, long seconds, Map<String, Double> metrics, Map<String, String> thresholds,
                              List<String> unmet, List<String> evidence) {
        return GateEvaluated.newBuilder().setSubject(INCIDENT).setProtocol(17).setGate(gate).setName(GATE_NAMES.get(gate - 1))
                .setOutcome(outcome).setMetrics(metrics).setThresholds(thresholds).setUnmetConditions(unmet).setPolicyVersion("17.yaml@3")
                .setEvidenceEventIds(evidence).setEvaluatedAt(at(seconds)).build();
    }

    static AlertFeedbackRecorded feedback(String alertId, String alertName, AlertFeedbackVerdict verdict, String suggestion, String by,
                                          long seconds) {
        return AlertFeedbackRecorded.newBuilder().setIncidentId(INCIDENT).setAlertId(alertId).setAlertName(alertName).setVerdict(verdict)
                .setSuggestion(suggestion).setRecordedBy(by).setRecordedAt(at(seconds)).build();
    }

    static ResolutionReviewed review(String reviewer, String role, ReviewedItem reviewed, SignOffVerdict verdict, String rationale,
                                     long seconds) {
        return ResolutionReviewed.newBuilder().setIncidentId(INCIDENT).setReviewer(reviewer).setRole(role).setReviewed(reviewed)
                .setVerdict(verdict).setRationale(rationale).setReviewedAt(at(seconds)).build();
    }
}
