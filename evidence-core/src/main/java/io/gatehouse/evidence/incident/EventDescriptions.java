package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.artifacts.Text.duration;
import static io.gatehouse.evidence.artifacts.Text.joined;
import static io.gatehouse.evidence.artifacts.Text.percent;
import static io.gatehouse.evidence.artifacts.Text.words;
import static io.gatehouse.evidence.incident.SeverityStanding.severity;

import io.gatehouse.events.AlertFeedbackRecorded;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.IncidentMarkedFalsePositive;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.MitigationApproved;
import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.MitigationPlanned;
import io.gatehouse.events.RecoveryValidated;
import io.gatehouse.events.ResolutionReviewed;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.RollbackReadinessVerified;
import io.gatehouse.events.RollbackRefused;
import io.gatehouse.events.RollbackRequested;
import io.gatehouse.events.RootCauseEvidenceArchived;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityConfirmed;
import io.gatehouse.events.SeverityReviewed;
import io.gatehouse.events.StakeholdersNotified;
import io.gatehouse.evidence.artifacts.Text;
import org.apache.avro.specific.SpecificRecord;

/** One line per event, in words, for the timeline and the report. */
final class EventDescriptions {

    private EventDescriptions() {
    }

    static String describe(SpecificRecord event) {
        if (event instanceof IncidentOpened e) {
            return "Incident opened by alert " + e.getAlertName() + " on " + Text.orNone(e.getService()) + ": " + e.getTitle();
        }
        if (event instanceof SeverityClassified e) {
            return "Severity proposed as " + severity(e.getSeverity()) + " by rule " + e.getRule() + " (policy " + e.getPolicyVersion() + ")"
                    + (e.getSettledSeverity() == null ? ""
                    : " after the severity was settled: " + severity(e.getSettledSeverity()) + " stands and consensus is asked for again");
        }
        if (event instanceof SeverityReviewed e) {
            return e.getReviewer() + " " + words(e.getVerdict()) + " the proposed "
                    + severity(e.getProposedSeverity()) + (e.getSuggestedSeverity() == null ? "" : ", suggesting " + severity(e.getSuggestedSeverity()));
        }
        if (event instanceof SeverityConfirmed e) {
            return "Severity confirmed as " + severity(e.getSeverity()) + " by " + e.getConfirmedBy() + " (proposed "
                    + severity(e.getProposedSeverity()) + "; " + e.getConfirmations() + " confirmed, " + e.getDisputes() + " disputed)";
        }
        if (event instanceof StakeholdersNotified e) {
            return "Notification on " + e.getChannel() + " to " + joined(e.getAudience()) + " (" + e.getReason() + "): "
                    + words(e.getOutcome()) + " after " + e.getAttempts() + " attempt(s) in "
                    + duration(e.getLatencyMillis());
        }
        if (event instanceof MitigationPlanned e) {
            return "Mitigation planned by " + e.getPlannedBy() + ": " + e.getChosen() + " chosen of " + e.getOptions().size() + " option(s)";
        }
        if (event instanceof RollbackReadinessVerified e) {
            return "Rollback readiness verified by " + e.getVerifiedBy() + ": coverage " + percent(e.getCoverage());
        }
        if (event instanceof MitigationApproved e) {
            return e.getChosen() + " approved by " + e.getApprover() + " as " + e.getRole();
        }
        if (event instanceof GateWaiverGranted e) {
            return "Gate " + e.getGate() + " waived by " + e.getGrantedBy() + " as " + e.getRole()
                    + (e.getRecoveryPlan() == null ? "" : ", with a recovery plan: " + e.getRecoveryPlan());
        }
        if (event instanceof RollbackRequested e) {
            return "Rollback of " + Text.orNone(e.getService()) + " to " + Text.orNone(e.getPreviousRelease()) + " requested by "
                    + e.getRequestedBy() + " (gate 2 " + e.getGate2Outcome() + ")";
        }
        if (event instanceof MitigationExecutionRequested e) {
            return e.getKind() + " of " + Text.orNone(e.getService()) + " requested by " + e.getRequestedBy() + ": " + e.getDescription()
                    + " (gate 2 " + e.getGate2Outcome() + ")";
        }
        if (event instanceof MitigationExecuted e) {
            return e.getKind() + " " + words(e.getStatus()) + " after " + duration(e.getDurationMillis()) + " (" + e.getExecutor() + ")";
        }
        if (event instanceof RollbackRefused e) {
            return "Rollback asked for by " + e.getRequestedBy() + " refused: " + String.join("; ", e.getMissingConditions());
        }
        if (event instanceof RollbackExecuted e) {
            return "Rollback " + words(e.getStatus()) + " after " + duration(e.getDurationMillis())
                    + " (" + e.getExecutor() + ")";
        }
        if (event instanceof RecoveryValidated e) {
            return "Recovery validated by " + e.getReportedBy() + ": " + e.getChecks().stream().filter(c -> c.getPassed()).count() + " of "
                    + e.getChecks().size() + " checks passed (" + percent(e.getPassRate()) + ")";
        }
        if (event instanceof RootCauseEvidenceArchived e) {
            return "Root-cause evidence archived by " + e.getArchivedBy() + ": " + e.getKind() + " " + e.getTitle();
        }
        if (event instanceof IncidentResolved e) {
            return "Incident resolved by " + e.getResolvedBy() + " (SLOs restored: " + Text.yesNo(e.getSloRestored())
                    + ", alerts cleared: " + Text.yesNo(e.getAlertsCleared()) + ")";
        }
        if (event instanceof IncidentMarkedFalsePositive e) {
            return "Marked a false positive by " + e.getMarkedBy() + ": " + e.getReason();
        }
        if (event instanceof ResolutionReviewed e) {
            return "Sign-off by " + e.getReviewer() + " as " + e.getRole() + ": " + words(e.getVerdict()) + " the " + words(e.getReviewed()) + " ("
                    + e.getRationale() + ")";
        }
        if (event instanceof AlertFeedbackRecorded e) {
            return "Alert feedback from " + e.getRecordedBy() + ": " + e.getAlertName() + (e.getAlertId() == null ? "" : " (" + e.getAlertId() + ")")
                    + " " + words(e.getVerdict()) + (e.getSuggestion() == null ? "" : "; suggests: " + e.getSuggestion());
        }
        if (event instanceof GateEvaluated e) {
            return "Gate " + e.getGate() + " " + e.getName() + ": " + e.getOutcome();
        }
        return event.getSchema().getName();
    }
}
