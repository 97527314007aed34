package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.incident.SeverityStanding.severity;

import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.IncidentMarkedFalsePositive;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.MitigationApproved;
import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.events.ReadinessStatus;
import io.gatehouse.events.RecoveryCheckKind;
import io.gatehouse.events.RecoveryValidated;
import io.gatehouse.events.ResolutionReviewed;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.RollbackReadinessVerified;
import io.gatehouse.events.RollbackRefused;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.RootCauseEvidenceArchived;
import io.gatehouse.events.RootCauseEvidenceKind;
import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityConfirmed;
import io.gatehouse.events.SeverityReviewed;
import io.gatehouse.events.SeverityVerdict;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import io.gatehouse.evidence.artifacts.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** The JSON artifacts: each a record, so its properties come out in the declared order. */
final class JsonArtifacts {

    private JsonArtifacts() {
    }

    /** What a JSON artifact says while its phase has not happened. */
    record NotHappened(String incidentId, boolean happened, String statement) {

        NotHappened(String incidentId, String statement) {
            this(incidentId, false, statement);
        }
    }

    // severity-assessment.json

    /** @param severity the severity that stands: see {@link SeverityStanding} */
    record SeverityAssessment(String incidentId, boolean happened, Severity severity, Proposal proposal, List<Proposal> proposals,
                              List<Review> reviews, Consensus consensus) {
    }

    /** @param settledSeverity set when the proposal came after the incident commander settled this severity, which stands */
    record Proposal(String eventId, Instant classifiedAt, Severity severity, Severity previousSeverity, Severity settledSeverity,
                    String rule, String rationale, Inputs inputs, String policyVersion) {
    }

    record Inputs(Double sloBurnRate, Double usersAffectedShare, Integer regionsAffected, String sourceSeverity,
                  Integer serviceTier, boolean customerFacing) {
    }

    record Review(String eventId, Instant reviewedAt, String reviewer, SeverityVerdict verdict, Severity proposedSeverity,
                  Severity suggestedSeverity, String note) {
    }

    /**
     * Whether the severity that stands is the incident commander's settlement, with that settlement's details.
     *
     * @param pendingProposals ids of the proposals that came after the settlement: consensus is asked for again on them
     */
    record Consensus(boolean reached, String statement, String eventId, Instant confirmedAt, Severity severity,
                     Severity proposedSeverity, String confirmedBy, Integer confirmations, Integer disputes, String note,
                     List<String> pendingProposals) {
    }

    static Object severityAssessment(SubjectHistory history) {
        List<Recorded<SeverityClassified>> classified = history.all(SeverityClassified.class);
        if (classified.isEmpty()) {
            return new NotHappened(history.subject(), "No severity was classified.");
        }
        SeverityStanding standing = SeverityStanding.of(history).orElseThrow();
        List<Proposal> proposals = classified.stream().map(JsonArtifacts::proposal).toList();
        List<Review> reviews = history.all(SeverityReviewed.class).stream().map(r -> new Review(r.eventId(), r.event().getReviewedAt(),
                r.event().getReviewer(), r.event().getVerdict(), r.event().getProposedSeverity(), r.event().getSuggestedSeverity(),
                r.event().getNote())).toList();
        return new SeverityAssessment(history.subject(), true, standing.severity(), proposals.get(proposals.size() - 1), proposals, reviews,
                consensus(standing));
    }

    private static Consensus consensus(SeverityStanding standing) {
        List<String> pending = standing.proposalsAfterSettlement().stream().map(Recorded::eventId).toList();
        String askedAgain = standing.consensusAskedAgain() ? " " + pending.size() + " proposal(s) came after the settlement; "
                + severity(standing.severity()) + " stands and consensus is asked for again." : "";
        if (!standing.settled()) {
            return new Consensus(false, "The incident commander has not confirmed the severity yet." + askedAgain, null, null, null, null, null,
                    null, null, null, pending);
        }
        Recorded<SeverityConfirmed> c = standing.settlement().orElseThrow();
        return new Consensus(true, "The incident commander settled the severity." + askedAgain, c.eventId(), c.event().getConfirmedAt(),
                c.event().getSeverity(), c.event().getProposedSeverity(), c.event().getConfirmedBy(), c.event().getConfirmations(),
                c.event().getDisputes(), c.event().getNote(), pending);
    }

    private static Proposal proposal(Recorded<SeverityClassified> recorded) {
        SeverityClassified c = recorded.event();
        var in = c.getInputs();
        return new Proposal(recorded.eventId(), c.getClassifiedAt(), c.getSeverity(), c.getPreviousSeverity(), c.getSettledSeverity(),
                c.getRule(), c.getRationale(),
                new Inputs(in.getSloBurnRate(), in.getUsersAffectedShare(), in.getRegionsAffected(), in.getSourceSeverity(),
                        in.getServiceTier(), in.getCustomerFacing()),
                c.getPolicyVersion());
    }

    // rollback-readiness-checklist.json

    record ReadinessChecklist(String incidentId, boolean happened, boolean ready, double coverage, Verification latest,
                              List<Verification> verifications) {
    }

    record Verification(String eventId, Instant verifiedAt, String verifiedBy, String previousRelease, List<Item> items,
                        double coverage) {
    }

    record Item(String name, ReadinessStatus status, String detail) {
    }

    static Object rollbackReadinessChecklist(SubjectHistory history) {
        List<Verification> verifications = history.all(RollbackReadinessVerified.class).stream().map(v -> new Verification(v.eventId(),
                v.event().getVerifiedAt(), v.event().getVerifiedBy(), v.event().getPreviousRelease(),
                v.event().getItems().stream().map(i -> new Item(i.getName(), i.getStatus(), i.getDetail())).toList(),
                v.event().getCoverage())).toList();
        if (verifications.isEmpty()) {
            return new NotHappened(history.subject(), "Rollback readiness was not verified.");
        }
        Verification latest = verifications.get(verifications.size() - 1);
        return new ReadinessChecklist(history.subject(), true, latest.coverage() >= 1.0, latest.coverage(), latest, verifications);
    }

    // decision-log.json

    /** The events that record a decision by a person, or by the rollback hard rule. */
    static final List<Class<? extends SpecificRecord>> DECISIONS = List.of(SeverityConfirmed.class, MitigationApproved.class,
            GateWaiverGranted.class, RollbackRequested.class, MitigationExecutionRequested.class, RollbackRefused.class,
            IncidentMarkedFalsePositive.class, ResolutionReviewed.class);

    record DecisionLog(String incidentId, boolean happened, List<Decision> decisions) {
    }

    /**
     * @param kind the event the decision was recorded as
     * @param role the role the decision was made in, when the event names one
     */
    record Decision(String eventId, Instant decidedAt, String kind, String decidedBy, String role, String decision,
                    List<String> details) {
    }

    static Object decisionLog(SubjectHistory history) {
        List<Decision> decisions = history.of(DECISIONS).stream().map(JsonArtifacts::decision).toList();
        if (decisions.isEmpty()) {
            return new NotHappened(history.subject(), "No decision was recorded.");
        }
        return new DecisionLog(history.subject(), true, decisions);
    }

    private static Decision decision(LedgerEvent source) {
        String kind = source.event().getSchema().getName();
        if (source.event() instanceof SeverityConfirmed e) {
            return new Decision(source.eventId(), e.getConfirmedAt(), kind, e.getConfirmedBy(), "incident-commander",
                    "confirmed severity " + severity(e.getSeverity()) + " (proposed " + severity(e.getProposedSeverity()) + ")",
                    notes(e.getConfirmations() + " confirmation(s), " + e.getDisputes() + " dispute(s)", e.getNote()));
        }
        if (source.event() instanceof MitigationApproved e) {
            return new Decision(source.eventId(), e.getApprovedAt(), kind, e.getApprover(), e.getRole(), "approved mitigation " + e.getChosen(),
                    notes(e.getNote()));
        }
        if (source.event() instanceof GateWaiverGranted e) {
            return new Decision(source.eventId(), e.getGrantedAt(), kind, e.getGrantedBy(), e.getRole(),
                    "waived gate " + e.getGate() + " of protocol " + e.getProtocol(), notes("risk assessment: " + e.getRiskAssessment(),
                            e.getRecoveryPlan() == null ? null : "recovery plan: " + e.getRecoveryPlan()));
        }
        if (source.event() instanceof RollbackRequested e) {
            return new Decision(source.eventId(), e.getRequestedAt(), kind, e.getRequestedBy(), "incident-commander",
                    "requested rollback of " + Text.orNone(e.getService()) + " to " + Text.orNone(e.getPreviousRelease()),
                    notes("gate 2 " + e.getGate2Outcome()));
        }
        if (source.event() instanceof MitigationExecutionRequested e) {
            return new Decision(source.eventId(), e.getRequestedAt(), kind, e.getRequestedBy(), "incident-commander",
                    "requested " + e.getKind() + " of " + Text.orNone(e.getService()) + ": " + e.getDescription(),
                    notes("gate 2 " + e.getGate2Outcome()));
        }
        if (source.event() instanceof ResolutionReviewed e) {
            return new Decision(source.eventId(), e.getReviewedAt(), kind, e.getReviewer(), e.getRole(),
                    Text.words(e.getVerdict()) + " the " + Text.words(e.getReviewed()),
                    notes(e.getRationale()));
        }
        if (source.event() instanceof RollbackRefused e) {
            return new Decision(source.eventId(), e.getRefusedAt(), kind, "incident-service", "rollback hard rule",
                    "refused the rollback asked for by " + e.getRequestedBy(), List.copyOf(e.getMissingConditions()));
        }
        IncidentMarkedFalsePositive e = source.as(IncidentMarkedFalsePositive.class);
        return new Decision(source.eventId(), e.getMarkedAt(), kind, e.getMarkedBy(), null, "marked the incident a false positive",
                notes(e.getReason()));
    }

    private static List<String> notes(String... notes) {
        List<String> present = new ArrayList<>();
        for (String note : notes) {
            if (note != null) {
                present.add(note);
            }
        }
        return present;
    }

    // mitigation-execution-report.json

    /**
     * @param status the last mitigation's: REQUESTED while its execution is not reported, else how the execution ended
     * @param executions the requested mitigations in ledger order, then executions whose request is not among the
     *     incident's events
     */
    record ExecutionReport(String incidentId, boolean happened, String status, List<Mitigation> executions) {
    }

    /** A requested mitigation and what carried it out; either side may be missing from the incident's events. */
    record Mitigation(MitigationKind kind, Request request, Execution execution) {
    }

    /**
     * @param previousRelease what a rollback returns to; null for the other kinds
     * @param description which flag, which hotfix; null for a rollback, which its previous release describes
     */
    record Request(String eventId, Instant requestedAt, String requestedBy, String service, String previousRelease,
                   String description, GateOutcome gate2Outcome) {
    }

    record Execution(String eventId, String requestEventId, ExecutionStatus status, String executor, Instant startedAt,
                     Instant finishedAt, long durationMillis, String duration, String output) {
    }

    static Object mitigationExecutionReport(SubjectHistory history) {
        Map<String, Mitigation> byRequest = new LinkedHashMap<>();
        history.of(RollbackRequested.class, MitigationExecutionRequested.class).forEach(source -> byRequest.put(source.eventId(), requested(source)));
        List<Mitigation> unrequested = new ArrayList<>();
        for (LedgerEvent source : history.of(RollbackExecuted.class, MitigationExecuted.class)) {
            Mitigation executed = executed(source);
            String requestId = executed.execution().requestEventId();
            Mitigation request = byRequest.get(requestId);
            if (request == null) {
                unrequested.add(executed);
            } else {
                // A later report of the same request replaces an earlier one.
                byRequest.put(requestId, new Mitigation(request.kind(), request.request(), executed.execution()));
            }
        }
        List<Mitigation> mitigations = new ArrayList<>(byRequest.values());
        mitigations.addAll(unrequested);
        if (mitigations.isEmpty()) {
            return new NotHappened(history.subject(), "No mitigation was requested or executed.");
        }
        Mitigation latest = mitigations.get(mitigations.size() - 1);
        String status = latest.execution() == null ? "REQUESTED" : latest.execution().status().name();
        return new ExecutionReport(history.subject(), true, status, mitigations);
    }

    private static Mitigation requested(LedgerEvent source) {
        if (source.event() instanceof RollbackRequested e) {
            return new Mitigation(MitigationKind.ROLLBACK, new Request(source.eventId(), e.getRequestedAt(), e.getRequestedBy(), e.getService(),
                    e.getPreviousRelease(), null, e.getGate2Outcome()), null);
        }
        MitigationExecutionRequested e = source.as(MitigationExecutionRequested.class);
        return new Mitigation(e.getKind(), new Request(source.eventId(), e.getRequestedAt(), e.getRequestedBy(), e.getService(), null,
                e.getDescription(), e.getGate2Outcome()), null);
    }

    private static Mitigation executed(LedgerEvent source) {
        if (source.event() instanceof RollbackExecuted e) {
            return new Mitigation(MitigationKind.ROLLBACK, null, execution(source, e.getRequestEventId(), e.getStatus(), e.getExecutor(),
                    e.getStartedAt(), e.getDurationMillis(), e.getOutput()));
        }
        MitigationExecuted e = source.as(MitigationExecuted.class);
        return new Mitigation(e.getKind(), null, execution(source, e.getRequestEventId(), e.getStatus(), e.getExecutor(), e.getStartedAt(),
                e.getDurationMillis(), e.getOutput()));
    }

    private static Execution execution(LedgerEvent source, String requestEventId, ExecutionStatus status, String executor, Instant startedAt,
                                       long durationMillis, String output) {
        return new Execution(source.eventId(), requestEventId, status, executor, startedAt, startedAt.plusMillis(durationMillis), durationMillis,
                Duration.ofMillis(durationMillis).toString(), output);
    }

    // recovery-validation.json

    record RecoveryValidation(String incidentId, boolean happened, double passRate, Validation latest, List<Validation> validations) {
    }

    record Validation(String eventId, Instant validatedAt, String reportedBy, int checksRun, int checksPassed, double passRate,
                      List<Check> checks) {
    }

    record Check(String name, RecoveryCheckKind kind, boolean passed, String detail) {
    }

    static Object recoveryValidation(SubjectHistory history) {
        List<Validation> validations = history.all(RecoveryValidated.class).stream().map(v -> {
            List<Check> checks = v.event().getChecks().stream().map(c -> new Check(c.getName(), c.getKind(), c.getPassed(), c.getDetail()))
                    .toList();
            return new Validation(v.eventId(), v.event().getValidatedAt(), v.event().getReportedBy(), checks.size(),
                    (int) checks.stream().filter(Check::passed).count(), v.event().getPassRate(), checks);
        }).toList();
        if (validations.isEmpty()) {
            return new NotHappened(history.subject(), "Recovery was not validated.");
        }
        Validation latest = validations.get(validations.size() - 1);
        return new RecoveryValidation(history.subject(), true, latest.passRate(), latest, validations);
    }

    // resolution-summary.json

    record ResolutionSummary(String incidentId, boolean happened, String eventId, Instant openedAt, Instant resolvedAt,
                             Long durationMillis, String duration, String resolvedBy, String summary, boolean sloRestored,
                             boolean alertsCleared, List<String> followUps) {
    }

    static Object resolutionSummary(SubjectHistory history) {
        Optional<Recorded<IncidentResolved>> resolved = history.latest(IncidentResolved.class);
        if (resolved.isEmpty()) {
            return new NotHappened(history.subject(), "The incident has not been resolved.");
        }
        IncidentResolved e = resolved.get().event();
        Instant openedAt = history.latest(IncidentOpened.class).map(o -> o.event().getOpenedAt()).orElse(null);
        Duration open = openedAt == null ? null : Duration.between(openedAt, e.getResolvedAt());
        return new ResolutionSummary(history.subject(), true, resolved.get().eventId(), openedAt, e.getResolvedAt(),
                open == null ? null : open.toMillis(), open == null ? null : open.toString(), e.getResolvedBy(), e.getSummary(),
                e.getSloRestored(), e.getAlertsCleared(), List.copyOf(e.getFollowUps()));
    }

    // rca-manifest.json

    record RcaManifest(String incidentId, boolean happened, int itemCount, List<RcaItem> items) {
    }

    record RcaItem(String eventId, Instant archivedAt, String archivedBy, RootCauseEvidenceKind kind, String title, String location,
                   String sha256) {
    }

    static Object rcaManifest(SubjectHistory history) {
        List<RcaItem> items = history.all(RootCauseEvidenceArchived.class).stream().map(r -> new RcaItem(r.eventId(),
                r.event().getArchivedAt(), r.event().getArchivedBy(), r.event().getKind(), r.event().getTitle(), r.event().getLocation(),
                r.event().getSha256())).toList();
        if (items.isEmpty()) {
            return new NotHappened(history.subject(), "No root-cause evidence was archived.");
        }
        return new RcaManifest(history.subject(), true, items.size(), items);
    }
}
