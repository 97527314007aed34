package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.artifacts.Text.cell;
import static io.gatehouse.evidence.artifacts.Text.duration;
import static io.gatehouse.evidence.artifacts.Text.joined;
import static io.gatehouse.evidence.incident.SeverityStanding.severity;

import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.MitigationOption;
import io.gatehouse.events.MitigationPlanned;
import io.gatehouse.events.NotificationOutcome;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityInputs;
import io.gatehouse.events.StakeholdersNotified;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import io.gatehouse.evidence.artifacts.Text;
import java.util.List;
import java.util.Optional;

/** The Markdown artifacts other than the report: written for people reading them during or after the incident. */
final class MarkdownArtifacts {

    private MarkdownArtifacts() {
    }

    static String intakeLog(SubjectHistory history) {
        StringBuilder out = new StringBuilder("# Incident intake log: ").append(history.subject()).append("\n\n");
        Optional<Recorded<IncidentOpened>> opened = history.latest(IncidentOpened.class);
        if (opened.isEmpty()) {
            out.append("No incident was opened.\n");
        } else {
            IncidentOpened o = opened.get().event();
            out.append("| | |\n|---|---|\n")
                    .append("| Title | ").append(cell(o.getTitle())).append(" |\n")
                    .append("| Service | ").append(cell(o.getService())).append(" |\n")
                    .append("| Alert | ").append(cell(o.getAlertName())).append(" |\n")
                    .append("| Grouping key | ").append(cell(o.getGroupingKey())).append(" |\n")
                    .append("| Opened at | ").append(o.getOpenedAt()).append(" |\n")
                    .append("| Opening alert | ").append(cell(o.getOpeningAlertId())).append(" (event ").append(cell(o.getOpeningEventId()))
                    .append(") |\n")
                    .append("| Event | ").append(opened.get().eventId()).append(" |\n");
        }
        out.append("\n## Severity classification\n\n");
        List<Recorded<SeverityClassified>> classified = history.all(SeverityClassified.class);
        if (classified.isEmpty()) {
            out.append("No severity has been classified yet.\n");
        }
        for (Recorded<SeverityClassified> recorded : classified) {
            SeverityClassified c = recorded.event();
            SeverityInputs in = c.getInputs();
            out.append("### ").append(c.getClassifiedAt()).append(": proposed ").append(severity(c.getSeverity()));
            if (c.getPreviousSeverity() != null) {
                out.append(" (was ").append(severity(c.getPreviousSeverity())).append(')');
            }
            out.append("\n\n");
            if (c.getSettledSeverity() != null) {
                out.append("Only a proposal: the incident commander had settled the severity as ").append(severity(c.getSettledSeverity()))
                        .append(", which stands, and consensus is asked for again.\n\n");
            }
            out.append("Rule `").append(c.getRule()).append("` of severity policy ").append(c.getPolicyVersion()).append(": ")
                    .append(c.getRationale()).append("\n\n")
                    .append("| Input | Value |\n|---|---|\n")
                    .append("| SLO burn rate | ").append(in.getSloBurnRate() == null ? "not reported" : Text.number(in.getSloBurnRate())).append(" |\n")
                    .append("| Users affected | ").append(in.getUsersAffectedShare() == null ? "not reported" : Text.percent(in.getUsersAffectedShare()))
                    .append(" |\n")
                    .append("| Regions affected | ").append(in.getRegionsAffected() == null ? "not reported" : in.getRegionsAffected()).append(" |\n")
                    .append("| Source severity | ").append(in.getSourceSeverity() == null ? "not reported" : cell(in.getSourceSeverity())).append(" |\n")
                    .append("| Service tier | ").append(in.getServiceTier() == null ? "not in the catalog" : in.getServiceTier()).append(" |\n")
                    .append("| Customer-facing | ").append(Text.yesNo(in.getCustomerFacing())).append(" |\n\n")
                    .append("Event ").append(recorded.eventId()).append(".\n\n");
        }
        return out.toString().stripTrailing() + "\n";
    }

    static String communicationLog(SubjectHistory history) {
        StringBuilder out = new StringBuilder("# Communication log: ").append(history.subject()).append("\n\n");
        List<Recorded<StakeholdersNotified>> notifications = history.all(StakeholdersNotified.class);
        if (notifications.isEmpty()) {
            return out.append("No stakeholders were notified.\n").toString();
        }
        long delivered = notifications.stream().filter(n -> n.event().getOutcome() == NotificationOutcome.DELIVERED).count();
        long slowest = notifications.stream().mapToLong(n -> n.event().getLatencyMillis()).max().orElse(0);
        out.append(notifications.size()).append(" notification(s): ").append(delivered).append(" delivered, ")
                .append(notifications.size() - delivered).append(" failed; the slowest took ").append(duration(slowest)).append(".\n\n")
                .append("| Requested at | Channel | Audience | Severity | Reason | Outcome | Attempts | Latency | Last error | Event |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Recorded<StakeholdersNotified> recorded : notifications) {
            StakeholdersNotified n = recorded.event();
            out.append("| ").append(n.getRequestedAt())
                    .append(" | ").append(cell(n.getChannel()))
                    .append(" | ").append(cell(joined(n.getAudience())))
                    .append(" | ").append(severity(n.getSeverity()))
                    .append(" | ").append(cell(n.getReason()))
                    .append(" | ").append(n.getOutcome())
                    .append(" | ").append(n.getAttempts())
                    .append(" | ").append(duration(n.getLatencyMillis()))
                    .append(" | ").append(cell(n.getLastError()))
                    .append(" | ").append(recorded.eventId()).append(" |\n");
        }
        return out.toString();
    }

    static String mitigationPlan(SubjectHistory history) {
        StringBuilder out = new StringBuilder("# Mitigation plan: ").append(history.subject()).append("\n\n");
        List<Recorded<MitigationPlanned>> plans = history.all(MitigationPlanned.class);
        if (plans.isEmpty()) {
            return out.append("No mitigation was planned.\n").toString();
        }
        Recorded<MitigationPlanned> latest = plans.get(plans.size() - 1);
        MitigationPlanned plan = latest.event();
        out.append("Planned by ").append(plan.getPlannedBy()).append(" at ").append(plan.getPlannedAt()).append(" (event ")
                .append(latest.eventId()).append(").");
        if (plans.size() > 1) {
            out.append(" This plan replaces ").append(plans.size() - 1).append(" earlier plan(s): ")
                    .append(joined(plans.subList(0, plans.size() - 1).stream()
                            .map(p -> p.event().getChosen() + " at " + p.event().getPlannedAt()).toList()))
                    .append('.');
        }
        out.append("\n\n**Chosen: ").append(plan.getChosen()).append("**\n\n## Affected scope\n\n")
                .append(plan.getScope().getDescription()).append("\n\n")
                .append("- Services: ").append(joined(plan.getScope().getServices())).append('\n')
                .append("- Regions: ").append(joined(plan.getScope().getRegions())).append('\n')
                .append("- Previous release (what a rollback returns to): ").append(Text.orNone(plan.getPreviousRelease())).append("\n\n")
                .append("## Options considered\n");
        for (MitigationOption option : plan.getOptions()) {
            out.append("\n### ").append(option.getKind()).append(option.getKind() == plan.getChosen() ? " (chosen)" : "").append("\n\n")
                    .append(option.getDescription()).append("\n\n**Pros**\n\n");
            Text.bullets(out, option.getPros(), "None recorded.");
            out.append("\n**Cons**\n\n");
            Text.bullets(out, option.getCons(), "None recorded.");
            out.append("\n**Risks**\n\n");
            Text.bullets(out, option.getRisks(), "None recorded.");
        }
        return out.toString();
    }

    static String timeline(SubjectHistory history) {
        StringBuilder out = new StringBuilder("# Incident timeline: ").append(history.subject()).append("\n\n")
                .append("Every event recorded about the incident, in ledger order. Times are UTC.\n\n")
                .append("| # | Time | Event | What happened | Event id |\n|---|---|---|---|---|\n");
        int n = 1;
        for (LedgerEvent event : history.events()) {
            out.append("| ").append(n++).append(" | ").append(event.time()).append(" | ").append(event.event().getSchema().getName())
                    .append(" | ").append(cell(EventDescriptions.describe(event.event()))).append(" | ").append(event.eventId()).append(" |\n");
        }
        return out.toString();
    }
}
