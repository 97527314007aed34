package io.gatehouse.evidence.sealed;

import io.gatehouse.events.AffectedScope;
import io.gatehouse.events.AlertFeedbackRecorded;
import io.gatehouse.events.AlertFeedbackVerdict;
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
import io.gatehouse.events.StakeholdersNotified;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * A SEV-1 incident from its opening to gate 4, as incident-service publishes it, recorded in a log among other
 * subjects' entries: rolled back, recovered, resolved. Gate 4's pass is its final point; alert feedback recorded after
 * it belongs to no seal yet.
 */
final class IncidentStory {

    static final String INCIDENT = "inc-42";
    static final Instant T0 = Instant.parse("2026-11-21T14:00:37.019Z");
    private static final String SOURCE = "/gatehouse/incident-service";
    private static final List<String> GATE_NAMES = List.of("Severity alignment", "Mitigation readiness", "Recovery validation",
            "Resolution & documentation");

    final TestLog log;
    /** Gate 4 passed: where the incident is sealed. */
    final SealedEvent gate4Passed;
    /** Recorded after the seal's trigger. */
    final SealedEvent laterFeedback;

    private IncidentStory(TestLog log, int othersBetweenEvents) {
        this.log = log;
        log.others(othersBetweenEvents);
        add(0, IncidentOpened.newBuilder().setIncidentId(INCIDENT).setGroupingKey("checkout:CheckoutHighErrorRate")
                .setService("checkout").setAlertName("CheckoutHighErrorRate").setTitle("Checkout 5xx error rate above threshold").setOpenedAt(T0)
                .setOpeningAlertId("7e163a67800d46bf").setOpeningEventId("alert-event-1").build(), othersBetweenEvents);
        add(1, SeverityClassified.newBuilder().setIncidentId(INCIDENT).setSeverity(Severity.SEV_1).setRule("sev1.burn-rate")
                .setRationale("SLO burn rate 16.2 >= 14.4")
                .setInputs(SeverityInputs.newBuilder().setSloBurnRate(16.2).setUsersAffectedShare(0.3).setRegionsAffected(1)
                        .setServiceTier(1).setCustomerFacing(true).build())
                .setPolicyVersion("17.yaml@3").setClassifiedAt(at(1)).build(), othersBetweenEvents);
        SealedEvent notified = add(5, StakeholdersNotified.newBuilder().setIncidentId(INCIDENT).setNotificationId("n-1")
                .setChannel("incident-bridge").setAudience(List.of("incident-commander", "sre")).setSeverity(Severity.SEV_1)
                .setReason("incident-opened").setOutcome(NotificationOutcome.DELIVERED).setAttempts(1).setRequestedAt(at(1))
                .setCompletedAt(at(5)).setLatencyMillis(4_000).build(), othersBetweenEvents);
        SealedEvent confirmed = add(120, SeverityConfirmed.newBuilder().setIncidentId(INCIDENT).setSeverity(Severity.SEV_1)
                .setProposedSeverity(Severity.SEV_1).setConfirmedBy("alice").setConfirmations(1).setDisputes(0).setNote("checkout is down")
                .setConfirmedAt(at(120)).build(), othersBetweenEvents);
        add(121, gate(1, 121, Map.of("consensusReached", 1.0, "notificationLatencySeconds", 4.0),
                Map.of("consensusReached", "= 1", "notificationLatencySeconds", "<= 300"), List.of(notified, confirmed)), othersBetweenEvents);
        SealedEvent planned = add(1200, MitigationPlanned.newBuilder().setIncidentId(INCIDENT).setPlannedBy("alice")
                .setOptions(List.of(MitigationOption.newBuilder().setKind(MitigationKind.ROLLBACK).setDescription("Roll checkout back to rel-41")
                        .setPros(List.of("fastest way back")).setCons(List.of("loses the new checkout flow")).setRisks(List.of()).build()))
                .setChosen(MitigationKind.ROLLBACK)
                .setScope(AffectedScope.newBuilder().setServices(List.of("checkout")).setRegions(List.of("eu-west-1"))
                        .setDescription("every checkout in eu-west-1").build())
                .setPreviousRelease("rel-41").setPlannedAt(at(1200)).build(), othersBetweenEvents);
        SealedEvent ready = add(1260, RollbackReadinessVerified.newBuilder().setIncidentId(INCIDENT).setVerifiedBy("carol")
                .setPreviousRelease("rel-41").setItems(List.of(
                        ReadinessItem.newBuilder().setName("rollback-script-present").setStatus(ReadinessStatus.PASSED).setDetail("found").build()))
                .setCoverage(1.0).setVerifiedAt(at(1260)).build(), othersBetweenEvents);
        SealedEvent commander = add(1300, MitigationApproved.newBuilder().setIncidentId(INCIDENT).setApprover("alice")
                .setRole("incident-commander").setChosen(MitigationKind.ROLLBACK).setApprovedAt(at(1300)).build(), othersBetweenEvents);
        SealedEvent releaseManager = add(1320, MitigationApproved.newBuilder().setIncidentId(INCIDENT).setApprover("dave")
                .setRole("release-manager").setChosen(MitigationKind.ROLLBACK).setApprovedAt(at(1320)).build(), othersBetweenEvents);
        add(1321, gate(2, 1321, Map.of("readinessCoverage", 1.0, "approvals", 2.0), Map.of("readinessCoverage", "= 1.0", "approvals", "= 2"),
                List.of(planned, ready, commander, releaseManager)), othersBetweenEvents);
        SealedEvent rollback = add(1400, RollbackRequested.newBuilder().setIncidentId(INCIDENT).setService("checkout")
                .setPreviousRelease("rel-41").setRequestedBy("alice").setGate2Outcome(GateOutcome.PASSED).setRequestedAt(at(1400)).build(),
                othersBetweenEvents);
        SealedEvent executed = add(1500, RollbackExecuted.newBuilder().setIncidentId(INCIDENT).setRequestEventId(rollback.eventId())
                .setStatus(ExecutionStatus.SUCCEEDED).setExecutor("deploy/rollback.sh").setStartedAt(at(1405))
                .setDurationMillis(95_000).setOutput("rolled back to rel-41").build(), othersBetweenEvents);
        SealedEvent recovered = add(1800, RecoveryValidated.newBuilder().setIncidentId(INCIDENT).setReportedBy("carol")
                .setChecks(List.of(RecoveryCheck.newBuilder().setName("checkout smoke").setKind(RecoveryCheckKind.SMOKE_TEST).setPassed(true).build()))
                .setPassRate(1.0).setValidatedAt(at(1800)).build(), othersBetweenEvents);
        add(1800, gate(3, 1800, Map.of("executionComplete", 1.0, "recoveryPassRate", 1.0),
                Map.of("executionComplete", "= 1", "recoveryPassRate", ">= 0.95"), List.of(executed, recovered)), othersBetweenEvents);
        SealedEvent log1 = add(3000, RootCauseEvidenceArchived.newBuilder().setIncidentId(INCIDENT).setArchivedBy("carol")
                .setKind(RootCauseEvidenceKind.LOG).setTitle("LOG of the failure").setLocation("s3://rca/LOG").setArchivedAt(at(3000)).build(),
                othersBetweenEvents);
        SealedEvent resolved = add(3600, IncidentResolved.newBuilder().setIncidentId(INCIDENT).setResolvedBy("alice")
                .setSummary("A bad checkout release was rolled back.").setSloRestored(true).setAlertsCleared(true)
                .setFollowUps(List.of("Add a canary stage for checkout")).setResolvedAt(at(3600)).build(), othersBetweenEvents);
        gate4Passed = add(3600, gate(4, 3600, Map.of("documentationCompleteness", 1.0, "rootCauseItems", 1.0),
                Map.of("documentationCompleteness", ">= 0.95"), List.of(log1, resolved)), othersBetweenEvents);
        laterFeedback = add(3700, AlertFeedbackRecorded.newBuilder().setIncidentId(INCIDENT).setAlertId("7e163a67800d46bf")
                .setAlertName("CheckoutHighErrorRate").setVerdict(AlertFeedbackVerdict.USEFUL).setRecordedBy("bob").setRecordedAt(at(3700)).build(),
                othersBetweenEvents);
    }

    /** The incident in a log of a few hundred entries. */
    static IncidentStory recorded() {
        return new IncidentStory(new TestLog(), 7);
    }

    /**
     * The incident spread over a busy log: {@code othersBetweenEvents} entries of other subjects before its first event
     * and after each, so its seal's tree has 17 times that many leaves (one run before each of its 17 events up to gate 4)
     * and its 17 events.
     */
    static IncidentStory spreadOver(int othersBetweenEvents) {
        return new IncidentStory(new TestLog(), othersBetweenEvents);
    }

    SealedBundle seal() {
        return log.seal(INCIDENT, 1, gate4Passed);
    }

    private SealedEvent add(long seconds, SpecificRecord event, int othersAfter) {
        SealedEvent recorded = log.append(INCIDENT, SOURCE, at(seconds), event);
        log.others(othersAfter);
        return recorded;
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** Avro writes a map in its iteration order, and Map.of's changes from one JVM to the next: the bytes would too. */
    private static GateEvaluated gate(int gate, long seconds, Map<String, Double> metrics, Map<String, String> thresholds,
                                      List<SealedEvent> evidence) {
        return GateEvaluated.newBuilder().setSubject(INCIDENT).setProtocol(17).setGate(gate).setName(GATE_NAMES.get(gate - 1))
                .setOutcome(GateOutcome.PASSED).setMetrics(new TreeMap<>(metrics)).setThresholds(new TreeMap<>(thresholds)).setUnmetConditions(List.of())
                .setPolicyVersion("17.yaml@3").setEvidenceEventIds(evidence.stream().map(SealedEvent::eventId).toList())
                .setEvaluatedAt(at(seconds)).build();
    }
}
