package io.gatehouse.evidence.release;

import static io.gatehouse.evidence.artifacts.Text.cell;

import io.gatehouse.events.GateFailureAnnounced;
import io.gatehouse.events.OperationalReadiness;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.RehearsalStep;
import io.gatehouse.events.RunStatus;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import io.gatehouse.evidence.artifacts.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * deployment-checklist.md: what production deployment needs, each item stated from the release's events with the
 * event it rests on; the gates' verdicts, which apply the policy's thresholds; the deployment and rollback sequences
 * as rehearsed on staging; what the superseded rehearsals taught; and the gate failures announced.
 */
final class DeploymentChecklist {

    private DeploymentChecklist() {
    }

    private record Item(String item, String status, String detail, List<String> evidence) {
    }

    static String render(SubjectHistory history) {
        StringBuilder out = new StringBuilder("# Deployment checklist: ").append(Registration.title(history)).append("\n\n");
        Registration release = Registration.of(history).orElse(null);
        Decision decision = Results.latest(Decision.all(history));
        out.append(release == null ? "The release is not registered yet."
                : "Production deployment of " + release.service() + " " + release.version() + " to " + release.productionEnvironment()
                        + ", as rehearsed on " + release.stagingEnvironment() + "; a rollback returns to " + Text.orNone(release.previousRelease())
                        + " within the RTO of " + release.rtoMinutes() + " min.")
                .append(decision == null ? " No go/no-go decision yet." : " Decision: **" + decision.decision() + "** at " + decision.decidedAt()
                        + " (event " + decision.eventId() + ").")
                .append("\n\n## Items\n\nEach item as the release's events state it; the gates below apply the policy's thresholds.\n\n")
                .append("| # | Item | Status | Detail | Evidence |\n|---|---|---|---|---|\n");
        List<Item> items = items(history);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            out.append("| ").append(i + 1).append(" | ").append(item.item()).append(" | ").append(item.status()).append(" | ")
                    .append(cell(item.detail())).append(" | ").append(cell(Text.joined(item.evidence()))).append(" |\n");
        }
        gates(out, history);
        sequence(out, "Deployment sequence rehearsed on staging", history, RehearsalResultKind.DEPLOYMENT_REHEARSAL);
        sequence(out, "Rollback sequence rehearsed on staging", history, RehearsalResultKind.ROLLBACK_REHEARSAL);
        learned(out, history);
        communication(out, history);
        return out.toString().stripTrailing() + "\n";
    }

    private static List<Item> items(SubjectHistory history) {
        List<Item> items = new ArrayList<>();
        IntakeValidationReport intake = IntakeValidationReport.of(history);
        List<IntakeValidationReport.Artifact> required = intake.upstreamArtifacts().stream()
                .filter(IntakeValidationReport.Artifact::required).toList();
        List<String> missing = required.stream().filter(a -> a.latest() == null).map(IntakeValidationReport.Artifact::name).toList();
        items.add(new Item("Upstream artifacts present", intake.release() == null ? "MISSING" : missing.isEmpty() ? "DONE" : "MISSING",
                intake.release() == null ? "the release is not registered" : (required.size() - missing.size()) + " of " + required.size()
                        + " required" + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing)),
                required.stream().map(IntakeValidationReport.Artifact::latest).filter(Objects::nonNull)
                        .map(IntakeValidationReport.Upload::eventId).toList()));
        items.add(approvals("Upstream approvals given", intake.approvals(), intake.granted()));
        StagingParityReport parity = StagingParityReport.of(history);
        items.add(new Item("Staging parity measured", parity.latest() == null ? "MISSING" : "MEASURED", parity.statement(),
                parity.latest() == null ? List.of() : List.of(parity.latest().eventId())));
        items.add(run("Deployment rehearsal succeeded", history, RehearsalResultKind.DEPLOYMENT_REHEARSAL));
        StagingTestResults tests = StagingTestResults.of(history);
        boolean allPassed = tests.suites().stream().allMatch(s -> "PASSED".equals(s.status()));
        boolean anyFailed = tests.suites().stream().anyMatch(s -> "FAILED".equals(s.status()));
        items.add(new Item("Test suites passed", allPassed ? "DONE" : anyFailed ? "FAILED" : "MISSING",
                String.join(", ", tests.suites().stream().map(s -> s.suite() + " " + s.status().toLowerCase(Locale.ROOT)).toList()),
                tests.suites().stream().map(StagingTestResults.Suite::latest).filter(Objects::nonNull).map(t -> t.received().eventId()).toList()));
        StagingTestResults.Measured coverage = tests.coverage().latest();
        items.add(new Item("Coverage measured", tests.coverage().status(), coverage == null ? "no coverage report"
                : coverage.counter() + " " + (coverage.ratio() == null ? "not evaluated" : String.format(Locale.ROOT, "%.4f", coverage.ratio())),
                coverage == null ? List.of() : List.of(coverage.received().eventId())));
        Recorded<RehearsalResultReceived> baseline = Results.latest(Results.of(history, RehearsalResultKind.OBSERVABILITY_BASELINE));
        items.add(new Item("Observability baseline captured", baseline == null ? "MISSING" : "DONE",
                baseline == null ? "no baseline" : "see observability-baseline.md", baseline == null ? List.of() : List.of(baseline.eventId())));
        RollbackVerificationReport rollback = RollbackVerificationReport.of(history);
        items.add(new Item("Rollback rehearsal within the RTO", !rollback.happened() ? "MISSING" : rollback.passed() ? "DONE" : "FAILED",
                rollback.statement(), rollback.happened() ? List.of(rollback.assessmentEventId(), rollback.rehearsalEventId()) : List.of()));
        SecurityComplianceReport security = SecurityComplianceReport.of(history);
        items.add(new Item("No blocking security finding", security.scans().isEmpty() ? "MISSING" : security.blocking() == 0 ? "DONE" : "FAILED",
                security.scans().isEmpty() ? "no scan" : security.blocking() + " blocking, " + security.suppressed() + " suppressed",
                security.scans().stream().map(s -> s.latest().received().eventId()).toList()));
        SecurityComplianceReport.Audit audit = security.licenseAudit().latest();
        items.add(new Item("License audit passed", audit == null ? "MISSING" : security.licenseAudit().status().equals("PASSED") ? "DONE" : "FAILED",
                audit == null ? "no audit" : audit.findings().size() + " finding(s)",
                audit == null ? List.of() : List.of(audit.received().eventId())));
        items.add(operationalReadiness(history));
        ReadinessApproval readiness = ReadinessApproval.of(history);
        items.add(approvals("Readiness approvals given", readiness.required(), readiness.approvals()));
        return items;
    }

    private static Item approvals(String item, List<Approvals.Required> required, List<Approvals.Approval> granted) {
        boolean given = !required.isEmpty() && required.stream().allMatch(r -> "GIVEN".equals(r.status()));
        return new Item(item, given ? "DONE" : required.stream().map(Approvals.Required::status).filter(s -> !"GIVEN".equals(s)).findFirst()
                .orElse("MISSING"),
                String.join(", ", required.stream().map(r -> r.kind() + " " + r.status().toLowerCase(Locale.ROOT)).toList()),
                granted.stream().map(Approvals.Approval::eventId).toList());
    }

    private static Item run(String item, SubjectHistory history, RehearsalResultKind kind) {
        Recorded<RehearsalResultReceived> latest = Results.latest(Results.of(history, kind, RehearsalRun.class));
        if (latest == null) {
            return new Item(item, "MISSING", "no rehearsal reported", List.of());
        }
        RehearsalRun run = Results.summary(latest, RehearsalRun.class);
        boolean clean = run.getStatus() == RunStatus.SUCCEEDED && (run.getBlockingErrors() == null || run.getBlockingErrors() == 0);
        return new Item(item, clean ? "DONE" : "FAILED", run.getStatus() + ", " + Text.orNone(run.getBlockingErrors()) + " blocking and "
                + Text.orNone(run.getNonBlockingErrors()) + " non-blocking error(s)", List.of(latest.eventId()));
    }

    private static Item operationalReadiness(SubjectHistory history) {
        Recorded<RehearsalResultReceived> latest = Results.latest(Results.of(history, RehearsalResultKind.OPERATIONAL_READINESS,
                OperationalReadiness.class));
        if (latest == null) {
            return new Item("Runbooks updated, on-call named", "MISSING", "no operational readiness reported", List.of());
        }
        OperationalReadiness o = Results.summary(latest, OperationalReadiness.class);
        boolean named = o.getOnCallPrimary() != null && o.getOnCallBackup() != null && !o.getRunbooks().isEmpty();
        return new Item("Runbooks updated, on-call named", named ? "DONE" : "MISSING",
                "runbooks: " + Text.joined(o.getRunbooks().stream().map(r -> r.getName() + " (updated " + r.getUpdatedAt() + ")").toList())
                        + "; on call: " + Text.orNone(o.getOnCallPrimary()) + " (primary), " + Text.orNone(o.getOnCallBackup()) + " (backup)",
                List.of(latest.eventId()));
    }

    private static void gates(StringBuilder out, SubjectHistory history) {
        out.append("\n## Gates\n\n| Gate | Outcome | Unmet conditions | Evaluation |\n|---|---|---|---|\n");
        for (Gates.GateStatus gate : Gates.all(history)) {
            out.append("| ").append(gate.gate()).append(' ').append(cell(gate.name())).append(" | ")
                    .append(gate.evaluationEventId() == null ? "not evaluated yet" : gate.outcome().toString()).append(" | ")
                    .append(gate.unmetConditions().isEmpty() ? "none" : cell(String.join("; ", gate.unmetConditions()))).append(" | ")
                    .append(Text.orNone(gate.evaluationEventId())).append(" |\n");
        }
        Double checklist = Gates.status(history, 4).metrics().get("checklistComplete");
        if (checklist != null) {
            out.append("\nGate 4 measured this checklist ").append(checklist >= 1 ? "complete" : "incomplete").append(".\n");
        }
        List<String> waivers = Stream.of(1, 3).flatMap(gate -> history.waivers(gate).stream())
                .map(w -> "gate " + w.event().getGate() + " by the " + w.event().getRole() + " (event " + w.eventId() + ")").toList();
        if (!waivers.isEmpty()) {
            out.append("\nWaivers: ").append(String.join("; ", waivers)).append(". Their risk assessments and compensating controls are in")
                    .append(" gate-waivers.json.\n");
        }
    }

    private static void sequence(StringBuilder out, String title, SubjectHistory history, RehearsalResultKind kind) {
        out.append("\n## ").append(title).append("\n\n");
        Recorded<RehearsalResultReceived> latest = Results.latest(Results.of(history, kind, RehearsalRun.class));
        if (latest == null) {
            out.append("Not rehearsed.\n");
            return;
        }
        RehearsalRun run = Results.summary(latest, RehearsalRun.class);
        out.append("From the latest rehearsal (event ").append(latest.eventId()).append(", ").append(run.getStatus()).append(" in ")
                .append(Text.duration(Duration.between(run.getStartedAt(), run.getFinishedAt()).toMillis())).append("):\n\n");
        List<RehearsalStep> steps = run.getSteps();
        for (int i = 0; i < steps.size(); i++) {
            out.append(i + 1).append(". ").append(steps.get(i).getName()).append(steps.get(i).getStatus() == RunStatus.FAILED ? " (failed)" : "")
                    .append(stepTime(steps.get(i))).append('\n');
        }
        if (steps.isEmpty()) {
            out.append("No steps were reported.\n");
        }
    }

    private static String stepTime(RehearsalStep step) {
        return step.getStartedAt() == null || step.getFinishedAt() == null ? ""
                : ": " + Text.duration(Duration.between(step.getStartedAt(), step.getFinishedAt()).toMillis());
    }

    /** What the rehearsals that were run again showed: each superseded run that failed, and the step it failed at. */
    private static void learned(StringBuilder out, SubjectHistory history) {
        out.append("\n## Learned from the rehearsals\n\n");
        List<String> lessons = new ArrayList<>();
        for (RehearsalResultKind kind : List.of(RehearsalResultKind.DEPLOYMENT_REHEARSAL, RehearsalResultKind.ROLLBACK_REHEARSAL)) {
            List<Recorded<RehearsalResultReceived>> runs = Results.of(history, kind, RehearsalRun.class);
            Results.withSuccessors(runs, (r, next) -> next == null ? null : lesson(kind, r, next)).stream().filter(Objects::nonNull)
                    .forEach(lessons::add);
        }
        Recorded<RehearsalResultReceived> deployment = Results.latest(Results.of(history, RehearsalResultKind.DEPLOYMENT_REHEARSAL,
                RehearsalRun.class));
        Integer nonBlocking = deployment == null ? null : Results.summary(deployment, RehearsalRun.class).getNonBlockingErrors();
        if (nonBlocking != null && nonBlocking > 0) {
            lessons.add("The latest deployment rehearsal had " + nonBlocking + " non-blocking error(s): read them in staging-deployment-run.log"
                    + " before deploying.");
        }
        Text.bullets(out, lessons, "Nothing: no rehearsal had to be run again.");
    }

    private static String lesson(RehearsalResultKind kind, Recorded<RehearsalResultReceived> result, String supersededBy) {
        RehearsalRun run = Results.summary(result, RehearsalRun.class);
        if (run.getStatus() != RunStatus.FAILED) {
            return null;
        }
        String failedAt = run.getSteps().stream().filter(s -> s.getStatus() == RunStatus.FAILED).map(RehearsalStep::getName).findFirst()
                .map(step -> " at step " + step).orElse("");
        return Text.words(kind).substring(0, 1).toUpperCase(Locale.ROOT) + Text.words(kind).substring(1) + " of " + run.getStartedAt()
                + " failed" + failedAt + " (event " + result.eventId() + "); run again as event " + supersededBy + ".";
    }

    private static void communication(StringBuilder out, SubjectHistory history) {
        out.append("\n## Communication\n\n");
        List<Recorded<GateFailureAnnounced>> notices = history.all(GateFailureAnnounced.class).stream()
                .filter(n -> n.event().getProtocol() == Gates.PROTOCOL).toList();
        if (notices.isEmpty()) {
            out.append("No gate failure was announced.\n");
            return;
        }
        out.append("Gate failures announced to the roles protocol 14 names:\n\n")
                .append("| Gate | Channel | Audience | Outcome | Attempts | Latency | Last error | Event |\n|---|---|---|---|---|---|---|---|\n");
        for (Recorded<GateFailureAnnounced> recorded : notices) {
            GateFailureAnnounced n = recorded.event();
            out.append("| ").append(n.getGate()).append(" | ").append(cell(n.getChannel())).append(" | ").append(cell(Text.joined(n.getAudience())))
                    .append(" | ").append(n.getOutcome()).append(" | ").append(n.getAttempts()).append(" | ")
                    .append(Text.duration(n.getLatencyMillis()))
                    .append(" | ").append(cell(n.getLastError())).append(" | ").append(recorded.eventId()).append(" |\n");
        }
    }
}
