package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.artifacts.Text.cell;
import static io.gatehouse.evidence.artifacts.Text.duration;
import static io.gatehouse.evidence.artifacts.Text.percent;
import static io.gatehouse.evidence.incident.SeverityStanding.severity;

import io.gatehouse.events.AlertFeedbackVerdict;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.IncidentMarkedFalsePositive;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.MitigationApproved;
import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.MitigationPlanned;
import io.gatehouse.events.NotificationOutcome;
import io.gatehouse.events.RecoveryCheck;
import io.gatehouse.events.RecoveryValidated;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.RollbackReadinessVerified;
import io.gatehouse.events.RollbackRefused;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.RootCauseEvidenceArchived;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityConfirmed;
import io.gatehouse.events.StakeholdersNotified;
import io.gatehouse.evidence.artifacts.Evidence;
import io.gatehouse.evidence.artifacts.EvidencePlan;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import io.gatehouse.evidence.artifacts.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** INCIDENT-REPORT.md: the incident told as a responder would write it up, from the events alone. */
final class IncidentReport {

    private IncidentReport() {
    }

    /** @param plan the evidence set the report belongs to, which it lists */
    static String render(SubjectHistory history, EvidencePlan plan) {
        StringBuilder out = new StringBuilder();
        Optional<IncidentOpened> opened = history.latest(IncidentOpened.class).map(Recorded::event);
        Optional<Recorded<IncidentResolved>> resolved = history.latest(IncidentResolved.class);
        out.append("# Incident report: ").append(opened.map(IncidentOpened::getTitle).orElse(history.subject())).append("\n\n")
                .append("Incident ").append(history.subject());
        opened.ifPresent(o -> out.append(" on ").append(Text.orNone(o.getService())).append(", opened ").append(o.getOpenedAt())
                .append(" by alert ").append(o.getAlertName()));
        out.append(". ").append(status(history, resolved)).append("\n\n");
        summary(out, history, resolved);
        severitySection(out, history);
        durationSection(out, history, opened, resolved);
        out.append("## Timeline\n\n");
        history.events().forEach(e -> out.append("- ").append(e.time()).append(": ").append(EventDescriptions.describe(e.event())).append('\n'));
        out.append('\n');
        actions(out, history);
        recovery(out, history);
        gates(out, history);
        signOff(out, history);
        rootCause(out, history);
        alertFeedback(out, history);
        out.append("## Follow-ups\n\n");
        Text.bullets(out, resolved.map(r -> List.copyOf(r.event().getFollowUps())).orElse(List.of()),
                resolved.isPresent() ? "None recorded." : "None yet: follow-ups are recorded when the incident is resolved.");
        out.append('\n');
        evidence(out, plan);
        out.append("---\nRendered by evidence-service from the ").append(history.events().size())
                .append(" event(s) recorded in the ledger; evidence-manifest.json names them and anchors them in the hash chain.\n");
        return out.toString();
    }

    private static String status(SubjectHistory history, Optional<Recorded<IncidentResolved>> resolved) {
        Optional<Recorded<IncidentMarkedFalsePositive>> falsePositive = history.latest(IncidentMarkedFalsePositive.class);
        if (falsePositive.isPresent()) {
            return "It was marked a false positive by " + falsePositive.get().event().getMarkedBy() + " at "
                    + falsePositive.get().event().getMarkedAt() + ".";
        }
        return resolved.map(r -> "It was resolved at " + r.event().getResolvedAt() + " by " + r.event().getResolvedBy() + ".")
                .orElse("It is not resolved; this report describes it as of " + history.latestTime() + ".");
    }

    private static void summary(StringBuilder out, SubjectHistory history, Optional<Recorded<IncidentResolved>> resolved) {
        out.append("## Summary\n\n");
        if (resolved.isPresent()) {
            IncidentResolved r = resolved.get().event();
            out.append(r.getSummary()).append("\n\nSLOs restored: ").append(Text.yesNo(r.getSloRestored())).append(". Alerts cleared: ")
                    .append(Text.yesNo(r.getAlertsCleared())).append(".\n\n");
        } else {
            out.append("The incident has not been resolved yet, so there is no summary from the incident commander. ")
                    .append(history.events().size()).append(" event(s) have been recorded so far.\n\n");
        }
    }

    private static void severitySection(StringBuilder out, SubjectHistory history) {
        out.append("## Severity\n\n");
        Optional<SeverityStanding> standing = SeverityStanding.of(history);
        if (standing.isEmpty()) {
            out.append("No severity has been classified.\n\n");
            return;
        }
        SeverityStanding s = standing.get();
        out.append("**").append(severity(s.severity())).append("**");
        if (s.settled()) {
            SeverityConfirmed c = s.settlement().orElseThrow().event();
            out.append(", confirmed by ").append(c.getConfirmedBy()).append(" at ").append(c.getConfirmedAt()).append(" after ")
                    .append(c.getConfirmations()).append(" confirmation(s) and ").append(c.getDisputes()).append(" dispute(s)")
                    .append(c.getNote() == null ? "" : ": " + c.getNote()).append(".\n\n");
        } else {
            out.append(" as proposed by the rules; the incident commander has not confirmed it yet.\n\n");
        }
        // Why: the latest classification that took effect; later proposals after settlement follow on their own.
        history.all(SeverityClassified.class).stream().map(Recorded::event).filter(p -> p.getSettledSeverity() == null)
                .reduce((earlier, later) -> later)
                .ifPresent(p -> out.append("Why: rule `").append(p.getRule()).append("` of severity policy ").append(p.getPolicyVersion())
                        .append(" proposed ").append(severity(p.getSeverity())).append(". ").append(p.getRationale()).append("\n\n"));
        if (s.consensusAskedAgain()) {
            out.append("Proposed after the severity was settled; ").append(severity(s.severity()))
                    .append(" stands and consensus is asked for again:\n\n");
            s.proposalsAfterSettlement().forEach(r -> out.append("- ").append(severity(r.event().getSeverity())).append(" at ")
                    .append(r.event().getClassifiedAt()).append(" by rule `").append(r.event().getRule()).append("`: ")
                    .append(r.event().getRationale()).append('\n'));
            out.append('\n');
        }
    }

    private static void durationSection(StringBuilder out, SubjectHistory history, Optional<IncidentOpened> opened,
                                        Optional<Recorded<IncidentResolved>> resolved) {
        out.append("## Duration\n\n");
        if (opened.isEmpty()) {
            out.append("Unknown: the event that opened the incident is not in the ledger.\n\n");
            return;
        }
        Instant from = opened.get().getOpenedAt();
        if (resolved.isPresent()) {
            Instant to = resolved.get().event().getResolvedAt();
            out.append("From opened (").append(from).append(") to resolved (").append(to).append("): ")
                    .append(duration(Duration.between(from, to).toMillis())).append(".\n\n");
        } else {
            out.append("Not resolved yet: open for ").append(duration(Duration.between(from, history.latestTime()).toMillis()))
                    .append(" as of ").append(history.latestTime()).append(".\n\n");
        }
    }

    private static void actions(StringBuilder out, SubjectHistory history) {
        out.append("## Actions\n\n");
        List<Recorded<StakeholdersNotified>> notified = history.all(StakeholdersNotified.class);
        long delivered = notified.stream().filter(n -> n.event().getOutcome() == NotificationOutcome.DELIVERED).count();
        out.append("- Communication: ").append(notified.isEmpty() ? "no stakeholders were notified."
                : notified.size() + " notification(s), " + delivered + " delivered (see communication-log.md).").append('\n');
        out.append("- Mitigation: ").append(history.latest(MitigationPlanned.class).map(p -> p.event().getChosen() + " chosen by "
                + p.event().getPlannedBy() + " for " + p.event().getScope().getDescription() + " (see mitigation-plan.md).")
                .orElse("no mitigation was planned.")).append('\n');
        history.latest(RollbackReadinessVerified.class).ifPresent(v -> out.append("- Rollback readiness: coverage ")
                .append(percent(v.event().getCoverage())).append(" of ").append(v.event().getItems().size()).append(" item(s).\n"));
        history.all(MitigationApproved.class).forEach(a -> out.append("- Approved ").append(a.event().getChosen()).append(": ")
                .append(a.event().getApprover()).append(" as ").append(a.event().getRole()).append(" at ").append(a.event().getApprovedAt()).append(".\n"));
        history.all(GateWaiverGranted.class).forEach(w -> out.append("- Gate ").append(w.event().getGate()).append(" waived by ")
                .append(w.event().getGrantedBy()).append(" as ").append(w.event().getRole()).append(": ").append(w.event().getRiskAssessment())
                .append(w.event().getRecoveryPlan() == null ? "" : " Recovery plan: " + w.event().getRecoveryPlan()).append('\n'));
        history.all(RollbackRefused.class).forEach(r -> out.append("- Rollback refused at ").append(r.event().getRefusedAt()).append(": ")
                .append(String.join("; ", r.event().getMissingConditions())).append(".\n"));
        history.all(RollbackRequested.class).forEach(r -> out.append("- Rollback of ").append(Text.orNone(r.event().getService())).append(" to ")
                .append(Text.orNone(r.event().getPreviousRelease())).append(" requested by ").append(r.event().getRequestedBy()).append(" at ")
                .append(r.event().getRequestedAt()).append(".\n"));
        history.all(RollbackExecuted.class).forEach(x -> out.append("- Rollback ").append(x.event().getStatus()).append(" after ")
                .append(duration(x.event().getDurationMillis())).append(", by ").append(x.event().getExecutor()).append(".\n"));
        history.all(MitigationExecutionRequested.class).forEach(r -> out.append("- ").append(r.event().getKind()).append(" of ")
                .append(Text.orNone(r.event().getService())).append(" requested by ").append(r.event().getRequestedBy()).append(" at ")
                .append(r.event().getRequestedAt()).append(": ").append(r.event().getDescription()).append('\n'));
        history.all(MitigationExecuted.class).forEach(x -> out.append("- ").append(x.event().getKind()).append(' ').append(x.event().getStatus())
                .append(" after ").append(duration(x.event().getDurationMillis())).append(", by ").append(x.event().getExecutor()).append(".\n"));
        out.append('\n');
    }

    private static void recovery(StringBuilder out, SubjectHistory history) {
        out.append("## Recovery\n\n");
        Optional<RecoveryValidated> validated = history.latest(RecoveryValidated.class).map(Recorded::event);
        if (validated.isEmpty()) {
            out.append("Recovery has not been validated.\n\n");
            return;
        }
        RecoveryValidated v = validated.get();
        List<RecoveryCheck> failed = v.getChecks().stream().filter(c -> !c.getPassed()).toList();
        out.append(v.getChecks().size() - failed.size()).append(" of ").append(v.getChecks().size()).append(" check(s) passed (")
                .append(percent(v.getPassRate())).append("), reported by ").append(v.getReportedBy()).append(" at ").append(v.getValidatedAt())
                .append(".\n\n");
        failed.forEach(c -> out.append("- Failed: ").append(c.getName()).append(" (").append(c.getKind()).append(')')
                .append(c.getDetail() == null ? "" : ": " + c.getDetail()).append('\n'));
        if (!failed.isEmpty()) {
            out.append('\n');
        }
    }

    private static void gates(StringBuilder out, SubjectHistory history) {
        out.append("## Gates\n\n| Gate | Outcome | Evaluated at | Unmet conditions |\n|---|---|---|---|\n");
        for (int gate = 1; gate <= GateValidation.NAMES.size(); gate++) {
            out.append("| ").append(gate).append(' ').append(cell(GateValidation.name(history, gate))).append(" | ");
            Optional<GateEvaluated> latest = history.evaluations(gate).stream().map(Recorded::event).reduce((earlier, later) -> later);
            if (latest.isEmpty()) {
                out.append("not evaluated yet | | |\n");
            } else {
                GateEvaluated g = latest.get();
                out.append(g.getOutcome()).append(" | ").append(g.getEvaluatedAt()).append(" | ")
                        .append(g.getUnmetConditions().isEmpty() ? "none" : cell(String.join("; ", g.getUnmetConditions()))).append(" |\n");
            }
        }
        out.append("\nEach evaluated gate's criteria, measurements, evidence, earlier evaluations and waivers are in gate-N-validation.json.\n\n");
    }

    private static void signOff(StringBuilder out, SubjectHistory history) {
        out.append("## Reviewer sign-off\n\n");
        ReviewerSignOff signOff = ReviewerSignOff.of(history);
        out.append(signOff.statement()).append("\n\n");
        signOff.signOffs().forEach(r -> out.append("- ").append(r.reviewer()).append(" (").append(r.role()).append(") ")
                .append(Text.words(r.verdict())).append(" the ").append(Text.words(r.reviewed())).append(" at ").append(r.reviewedAt()).append(": ")
                .append(r.rationale()).append('\n'));
        if (!signOff.signOffs().isEmpty()) {
            out.append('\n');
        }
    }

    private static void rootCause(StringBuilder out, SubjectHistory history) {
        out.append("## Root-cause inputs\n\n");
        Text.bullets(out, history.all(RootCauseEvidenceArchived.class).stream().map(r -> r.event().getKind() + ": " + r.event().getTitle()
                + " (" + r.event().getLocation() + ")").toList(), "No root-cause evidence has been archived.");
        out.append('\n');
    }

    private static void alertFeedback(StringBuilder out, SubjectHistory history) {
        out.append("## Alert-tuning feedback\n\n");
        AlertTuningFeedback feedback = AlertTuningFeedback.of(history);
        Text.bullets(out, feedback.alerts().stream().map(a -> (a.alertId() == null ? a.alertName() + " (no such alert fired)"
                : a.alertName() + " (" + a.alertId() + ")") + ": " + verdicts(a.verdicts())
                + (a.suggestions().isEmpty() ? "" : "; suggested: " + String.join("; ", a.suggestions()))).toList(),
                "None recorded.");
        out.append('\n');
    }

    private static String verdicts(Map<AlertFeedbackVerdict, Integer> verdicts) {
        return String.join(", ", verdicts.entrySet().stream().map(v -> Text.words(v.getKey()) + " (" + v.getValue() + ")").toList());
    }

    private static void evidence(StringBuilder out, EvidencePlan plan) {
        out.append("## Evidence\n\n").append(IncidentArtifacts.BUNDLE).append(" holds these files and ").append(Evidence.MANIFEST)
                .append(", which gives each one's SHA-256 and the events it was derived from:\n\n");
        Text.bullets(out, plan.artifacts().stream().map(a -> a.name() + (a.phaseHappened() ? "" : " (its phase has not happened yet)")).toList(),
                "None.");
        if (!plan.absent().isEmpty()) {
            out.append("\nNot in the bundle:\n\n");
            Text.bullets(out, plan.absent().stream().map(a -> a.name() + ": " + a.reason()).toList(), "None.");
        }
        out.append('\n');
    }
}
