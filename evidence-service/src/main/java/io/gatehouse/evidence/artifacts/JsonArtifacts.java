package io.gatehouse.evidence.artifacts;

import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.IncidentMarkedFalsePositive;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.MitigationApproved;
import io.gatehouse.events.ReadinessStatus;
import io.gatehouse.events.RecoveryCheckKind;
import io.gatehouse.events.RecoveryValidated;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    record SeverityAssessment(String incidentId, boolean happened, Proposal proposal, List<Proposal> proposals,
                              List<Review> reviews, Consensus consensus) {
    }

    record Proposal(String eventId, Instant classifiedAt, Severity severity, Severity previousSeverity, String rule,
                    String rationale, Inputs inputs, String policyVersion) {
    }

    record Inputs(Double sloBurnRate, Double usersAffectedShare, Integer regionsAffected, String sourceSeverity,
                  Integer serviceTier, boolean customerFacing) {
    }

    record Review(String eventId, Instant reviewedAt, String reviewer, SeverityVerdict verdict, Severity proposedSeverity,
                  Severity suggestedSeverity, String note) {
    }

    record Consensus(boolean reached, String statement, String eventId, Instant confirmedAt, Severity severity,
                     Severity proposedSeverity, String confirmedBy, Integer confirmations, Integer disputes, String note) {
    }

    static Object severityAssessment(IncidentHistory history) {
        List<Recorded<SeverityClassified>> classified = history.all(SeverityClassified.class);
        if (classified.isEmpty()) {
            return new NotHappened(history.incidentId(), "No severity was classified.");
        }
        List<Proposal> proposals = classified.stream().map(JsonArtifacts::proposal).toList();
        List<Review> reviews = history.all(SeverityReviewed.class).stream().map(r -> new Review(r.eventId(), r.event().getReviewedAt(),
                r.event().getReviewer(), r.event().getVerdict(), r.event().getProposedSeverity(), r.event().getSuggestedSeverity(),
                r.event().getNote())).toList();
        Consensus consensus = history.latest(SeverityConfirmed.class).map(c -> new Consensus(true,
                        "The incident commander settled the severity.", c.eventId(), c.event().getConfirmedAt(), c.event().getSeverity(),
                        c.event().getProposedSeverity(), c.event().getConfirmedBy(), c.event().getConfirmations(), c.event().getDisputes(),
                        c.event().getNote()))
                .orElse(new Consensus(false, "The incident commander has not confirmed the severity yet.", null, null, null, null, null,
                        null, null, null));
        return new SeverityAssessment(history.incidentId(), true, proposals.get(proposals.size() - 1), proposals, reviews, consensus);
    }

    private static Proposal proposal(Recorded<SeverityClassified> recorded) {
        SeverityClassified c = recorded.event();
        var in = c.getInputs();
        return new Proposal(recorded.eventId(), c.getClassifiedAt(), c.getSeverity(), c.getPreviousSeverity(), c.getRule(), c.getRationale(),
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

    static Object rollbackReadinessChecklist(IncidentHistory history) {
        List<Verification> verifications = history.all(RollbackReadinessVerified.class).stream().map(v -> new Verification(v.eventId(),
                v.event().getVerifiedAt(), v.event().getVerifiedBy(), v.event().getPreviousRelease(),
                v.event().getItems().stream().map(i -> new Item(i.getName(), i.getStatus(), i.getDetail())).toList(),
                v.event().getCoverage())).toList();
        if (verifications.isEmpty()) {
            return new NotHappened(history.incidentId(), "Rollback readiness was not verified.");
        }
        Verification latest = verifications.get(verifications.size() - 1);
        return new ReadinessChecklist(history.incidentId(), true, latest.coverage() >= 1.0, latest.coverage(), latest, verifications);
    }

    // decision-log.json

    record DecisionLog(String incidentId, boolean happened, List<Decision> decisions) {
    }

    /**
     * @param kind the event the decision was recorded as
     * @param role the role the decision was made in, when the event names one
     */
    record Decision(String eventId, Instant decidedAt, String kind, String decidedBy, String role, String decision,
                    List<String> details) {
    }

    static Object decisionLog(IncidentHistory history) {
        List<Decision> decisions = new ArrayList<>();
        for (LedgerEvent source : history.of(SeverityConfirmed.class, MitigationApproved.class, GateWaiverGranted.class,
                RollbackRequested.class, RollbackRefused.class, IncidentMarkedFalsePositive.class)) {
            decisions.add(decision(source));
        }
        if (decisions.isEmpty()) {
            return new NotHappened(history.incidentId(), "No decision was recorded.");
        }
        return new DecisionLog(history.incidentId(), true, decisions);
    }

    private static Decision decision(LedgerEvent source) {
        String kind = source.event().getSchema().getName();
        if (source.event() instanceof SeverityConfirmed e) {
            return new Decision(source.eventId(), e.getConfirmedAt(), kind, e.getConfirmedBy(), "incident-commander",
                    "confirmed severity " + Text.severity(e.getSeverity()) + " (proposed " + Text.severity(e.getProposedSeverity()) + ")",
                    notes(e.getConfirmations() + " confirmation(s), " + e.getDisputes() + " dispute(s)", e.getNote()));
        }
        if (source.event() instanceof MitigationApproved e) {
            return new Decision(source.eventId(), e.getApprovedAt(), kind, e.getApprover(), e.getRole(), "approved mitigation " + e.getChosen(),
                    notes(e.getNote()));
        }
        if (source.event() instanceof GateWaiverGranted e) {
            return new Decision(source.eventId(), e.getGrantedAt(), kind, e.getGrantedBy(), e.getRole(),
                    "waived gate " + e.getGate() + " of protocol " + e.getProtocol(), notes("risk assessment: " + e.getRiskAssessment()));
        }
        if (source.event() instanceof RollbackRequested e) {
            return new Decision(source.eventId(), e.getRequestedAt(), kind, e.getRequestedBy(), "incident-commander",
                    "requested rollback of " + Text.orNone(e.getService()) + " to " + Text.orNone(e.getPreviousRelease()),
                    notes("gate 2 " + e.getGate2Outcome()));
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

    record ExecutionReport(String incidentId, boolean happened, String status, List<Rollback> rollbacks) {
    }

    /** A requested rollback and what carried it out; either side may be missing from the incident's events. */
    record Rollback(Request request, Execution execution) {
    }

    record Request(String eventId, Instant requestedAt, String requestedBy, String service, String previousRelease,
                   GateOutcome gate2Outcome) {
    }

    record Execution(String eventId, String requestEventId, ExecutionStatus status, String executor, Instant startedAt,
                     Instant finishedAt, long durationMillis, String duration, String output) {
    }

    static Object mitigationExecutionReport(IncidentHistory history) {
        List<Recorded<RollbackRequested>> requests = history.all(RollbackRequested.class);
        List<Recorded<RollbackExecuted>> executions = history.all(RollbackExecuted.class);
        if (requests.isEmpty() && executions.isEmpty()) {
            return new NotHappened(history.incidentId(), "No rollback was requested or executed.");
        }
        List<Rollback> rollbacks = new ArrayList<>();
        for (Recorded<RollbackRequested> r : requests) {
            RollbackRequested e = r.event();
            Optional<Execution> execution = executions.stream().filter(x -> x.event().getRequestEventId().equals(r.eventId()))
                    .reduce((first, second) -> second).map(JsonArtifacts::execution);
            rollbacks.add(new Rollback(new Request(r.eventId(), e.getRequestedAt(), e.getRequestedBy(), e.getService(),
                    e.getPreviousRelease(), e.getGate2Outcome()), execution.orElse(null)));
        }
        executions.stream().filter(x -> requests.stream().noneMatch(r -> r.eventId().equals(x.event().getRequestEventId())))
                .forEach(x -> rollbacks.add(new Rollback(null, execution(x))));
        Rollback latest = rollbacks.get(rollbacks.size() - 1);
        String status = latest.execution() == null ? "REQUESTED" : latest.execution().status().name();
        return new ExecutionReport(history.incidentId(), true, status, rollbacks);
    }

    private static Execution execution(Recorded<RollbackExecuted> recorded) {
        RollbackExecuted e = recorded.event();
        return new Execution(recorded.eventId(), e.getRequestEventId(), e.getStatus(), e.getExecutor(), e.getStartedAt(),
                e.getStartedAt().plusMillis(e.getDurationMillis()), e.getDurationMillis(), Duration.ofMillis(e.getDurationMillis()).toString(),
                e.getOutput());
    }

    // recovery-validation.json

    record RecoveryValidation(String incidentId, boolean happened, double passRate, Validation latest, List<Validation> validations) {
    }

    record Validation(String eventId, Instant validatedAt, String reportedBy, int checksRun, int checksPassed, double passRate,
                      List<Check> checks) {
    }

    record Check(String name, RecoveryCheckKind kind, boolean passed, String detail) {
    }

    static Object recoveryValidation(IncidentHistory history) {
        List<Validation> validations = history.all(RecoveryValidated.class).stream().map(v -> {
            List<Check> checks = v.event().getChecks().stream().map(c -> new Check(c.getName(), c.getKind(), c.getPassed(), c.getDetail()))
                    .toList();
            return new Validation(v.eventId(), v.event().getValidatedAt(), v.event().getReportedBy(), checks.size(),
                    (int) checks.stream().filter(Check::passed).count(), v.event().getPassRate(), checks);
        }).toList();
        if (validations.isEmpty()) {
            return new NotHappened(history.incidentId(), "Recovery was not validated.");
        }
        Validation latest = validations.get(validations.size() - 1);
        return new RecoveryValidation(history.incidentId(), true, latest.passRate(), latest, validations);
    }

    // resolution-summary.json

    record ResolutionSummary(String incidentId, boolean happened, String eventId, Instant openedAt, Instant resolvedAt,
                             Long durationMillis, String duration, String resolvedBy, String summary, boolean sloRestored,
                             boolean alertsCleared, List<String> followUps) {
    }

    static Object resolutionSummary(IncidentHistory history) {
        Optional<Recorded<IncidentResolved>> resolved = history.latest(IncidentResolved.class);
        if (resolved.isEmpty()) {
            return new NotHappened(history.incidentId(), "The incident has not been resolved.");
        }
        IncidentResolved e = resolved.get().event();
        Instant openedAt = history.latest(IncidentOpened.class).map(o -> o.event().getOpenedAt()).orElse(null);
        Duration open = openedAt == null ? null : Duration.between(openedAt, e.getResolvedAt());
        return new ResolutionSummary(history.incidentId(), true, resolved.get().eventId(), openedAt, e.getResolvedAt(),
                open == null ? null : open.toMillis(), open == null ? null : open.toString(), e.getResolvedBy(), e.getSummary(),
                e.getSloRestored(), e.getAlertsCleared(), List.copyOf(e.getFollowUps()));
    }

    // rca-manifest.json

    record RcaManifest(String incidentId, boolean happened, int itemCount, List<RcaItem> items) {
    }

    record RcaItem(String eventId, Instant archivedAt, String archivedBy, RootCauseEvidenceKind kind, String title, String location,
                   String sha256) {
    }

    static Object rcaManifest(IncidentHistory history) {
        List<RcaItem> items = history.all(RootCauseEvidenceArchived.class).stream().map(r -> new RcaItem(r.eventId(),
                r.event().getArchivedAt(), r.event().getArchivedBy(), r.event().getKind(), r.event().getTitle(), r.event().getLocation(),
                r.event().getSha256())).toList();
        if (items.isEmpty()) {
            return new NotHappened(history.incidentId(), "No root-cause evidence was archived.");
        }
        return new RcaManifest(history.incidentId(), true, items.size(), items);
    }
}
