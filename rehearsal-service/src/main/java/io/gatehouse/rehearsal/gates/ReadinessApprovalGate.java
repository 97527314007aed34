package io.gatehouse.rehearsal.gates;

import io.gatehouse.events.AuditStatus;
import io.gatehouse.events.LicenseAudit;
import io.gatehouse.events.ObservabilityBaseline;
import io.gatehouse.events.OperationalReadiness;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.TestReportSummary;
import io.gatehouse.rehearsal.policy.ChecklistItem;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gate 4 of protocol 14, readiness approval: the go/no-go package at least the policy's share complete (0.95), a
 * current readiness approval from every role the policy names (the release manager, plus any it adds), the deployment
 * checklist complete, and each readiness approval given less than the policy's hours (48) after gates 1 to 3 were all
 * passed or waived. No waiver: the protocol forbids one.
 *
 * <p>A readiness approval is current while no result arrived after it (the evidence it approved is still the whole
 * evidence) and gates 1 to 3 have stood passed or waived since it was given; otherwise it needs renewing, and the gate
 * says whose. Upstream approvals are prerequisites of gate 1 and never go stale this way.
 *
 * <p>Reads: the readiness approvals; since when gates 1 to 3 have been passed or waived ({@link ReadinessClock}); every
 * result received (what a readiness approval approved); for the package: CONFIG_SNAPSHOT, DEPLOYMENT_REHEARSAL,
 * TEST_REPORT, COVERAGE, OBSERVABILITY_BASELINE, ROLLBACK_REHEARSAL, SECURITY_SCAN, LICENSE_AUDIT; for the checklist,
 * as the policy picks its items: DEPLOYMENT_REHEARSAL (run log), OBSERVABILITY_BASELINE, OPERATIONAL_READINESS
 * (runbooks, on-call), LICENSE_AUDIT, ROLLBACK_REHEARSAL (within RTO), DATA_REFRESH.
 */
public final class ReadinessApprovalGate {

    public static final int NUMBER = 4;
    public static final String NAME = "Readiness approval";

    /** A readiness approval that has not expired: current, or needing renewal and why. */
    public record Standing(Approval approval, boolean current, String renewal) {
    }

    /** An artifact of the go/no-go package, present once the inputs it is rendered from arrived. */
    private record PackageItem(String artifact, String needs, boolean present) {
    }

    private ReadinessApprovalGate() {
    }

    /** Every readiness approval not expired at {@code at}, in the order given, current or needing renewal. */
    public static List<Standing> standings(ReleaseInputs inputs, Instant at) {
        List<Standing> standings = new ArrayList<>();
        for (Approval approval : inputs.approvalsOf(ReleasePolicy.READINESS)) {
            if (!approval.countsAt(at)) {
                continue;
            }
            List<Result> later = inputs.results().stream().filter(r -> !approval.evidenceEventIds().contains(r.eventId())).toList();
            if (!later.isEmpty()) {
                standings.add(new Standing(approval, false, later.size() + (later.size() == 1 ? " result" : " results") + " arrived after it: "
                        + later.stream().map(ReadinessApprovalGate::named).collect(Collectors.joining(", "))));
            } else if (inputs.readySince() == null) {
                standings.add(new Standing(approval, false, "gates 1 to 3 are no longer all passed or waived"));
            } else if (!inputs.readySince().equals(approval.readySince())) {
                standings.add(new Standing(approval, false, "gates 1 to 3 were passed or waived anew at " + inputs.readySince()));
            } else {
                standings.add(new Standing(approval, true, null));
            }
        }
        return standings;
    }

    public static GateVerdict evaluate(ReleaseInputs inputs, ReleasePolicy policy, Instant at) {
        ReleasePolicy.ReadinessApproval thresholds = policy.readinessApproval();
        List<String> roles = policy.approvals().readinessRoles();
        Measurement m = new Measurement()
                .requires("packageCompleteness", ">= " + Numbers.format(thresholds.minPackageCompleteness()))
                .requires("approvalsGiven", ">= approvalsRequired (" + roles.size() + ": " + String.join(", ", roles) + ")")
                .requires("checklistComplete", "= 1")
                .requires("approvalLatencyHours", "< " + Numbers.format(thresholds.maxApprovalLatencyHours()));
        measurePackage(inputs, policy, at, m);
        measureApprovals(inputs, roles, thresholds, at, m);
        measureChecklist(inputs, thresholds.deploymentChecklist(), m);
        return m.verdict(NUMBER, NAME, false);
    }

    private static void measureApprovals(ReleaseInputs inputs, List<String> roles, ReleasePolicy.ReadinessApproval thresholds, Instant at,
                                         Measurement m) {
        List<Standing> standings = standings(inputs, at);
        List<Standing> current = standings.stream().filter(Standing::current).toList();
        current.forEach(s -> m.cites(s.approval().eventId()));
        long given = roles.stream().filter(role -> current.stream().anyMatch(s -> s.approval().role().equals(role))).count();
        m.measured("approvalsGiven", given);
        m.measured("approvalsRequired", roles.size());
        // A role that renewed its approval has nothing left to renew.
        List<String> renewals = standings.stream().filter(s -> !s.current())
                .filter(s -> current.stream().noneMatch(c -> c.approval().role().equals(s.approval().role())))
                .map(s -> "the readiness approval by " + s.approval().approver() + " (" + s.approval().role() + ") needs renewing: " + s.renewal())
                .toList();
        List<String> expired = inputs.approvalsOf(ReleasePolicy.READINESS).stream().filter(a -> !a.countsAt(at))
                .filter(a -> current.stream().noneMatch(s -> s.approval().role().equals(a.role())))
                .map(a -> "the readiness approval by " + a.approver() + " (" + a.role() + ") expired at " + a.expiresAt())
                .toList();
        if (inputs.readySince() == null) {
            m.missing("gates 1 to 3 are not all passed or waived yet, so no readiness approval can count");
            renewals.forEach(m::unmet);
            return;
        }
        if (current.isEmpty()) {
            if (renewals.isEmpty() && expired.isEmpty()) {
                m.missing("no readiness approval yet (" + String.join(", ", roles) + ")");
            }
            renewals.forEach(m::missing);
            expired.forEach(m::missing);
            return;
        }
        for (String role : roles) {
            if (current.stream().noneMatch(s -> s.approval().role().equals(role))) {
                m.unmet("no current readiness approval from " + role);
            }
        }
        renewals.forEach(m::unmet);
        expired.forEach(m::unmet);
        // Each role's first current approval: a second one from the same role does not make the first come later.
        List<Approval> firstOfEachRole = current.stream().map(Standing::approval)
                .collect(Collectors.groupingBy(Approval::role)).values().stream()
                .map(approvals -> approvals.stream().min(Comparator.comparing(Approval::grantedAt)).orElseThrow())
                .toList();
        Approval slowest = firstOfEachRole.stream().max(Comparator.comparing(Approval::grantedAt)).orElseThrow();
        double hours = Math.max(0, Duration.between(inputs.readySince(), slowest.grantedAt()).toMillis()) / 3_600_000.0;
        m.measured("approvalLatencyHours", hours);
        if (hours >= thresholds.maxApprovalLatencyHours()) {
            m.unmet("the readiness approval by " + slowest.approver() + " came " + Numbers.format(hours) + " h after gates 1 to 3 were passed or waived"
                    + " (less than " + Numbers.format(thresholds.maxApprovalLatencyHours()) + " h allowed)");
        }
    }

    private static void measurePackage(ReleaseInputs inputs, ReleasePolicy policy, Instant at, Measurement m) {
        ReleasePolicy.ReadinessApproval thresholds = policy.readinessApproval();
        List<PackageItem> items = packageOf(inputs, policy.deploymentRehearsal().requiredSuites(), at);
        long present = items.stream().filter(PackageItem::present).count();
        double completeness = present / (double) items.size();
        m.measured("packageCompleteness", completeness);
        if (completeness < thresholds.minPackageCompleteness()) {
            m.unmet("the go/no-go package is " + Numbers.format(completeness) + " complete (at least " + Numbers.format(thresholds.minPackageCompleteness())
                    + "); it lacks " + items.stream().filter(i -> !i.present()).map(i -> i.artifact() + " (needs " + i.needs() + ")")
                    .collect(Collectors.joining(", ")));
        }
    }

    /** The package's artifacts that rest on pipeline results or approvals; the ones rendered from the registration alone always exist. */
    private static List<PackageItem> packageOf(ReleaseInputs inputs, List<String> requiredSuites, Instant at) {
        Registration registration = inputs.registration();
        boolean testsAll = requiredSuites.stream().allMatch(suite -> inputs.currentOf(RehearsalResultKind.TEST_REPORT).stream()
                .anyMatch(r -> r.summary(TestReportSummary.class).map(t -> t.getSuite().equals(suite)).orElse(false)))
                && inputs.latest(RehearsalResultKind.COVERAGE).isPresent();
        return List.of(
                new PackageItem("staging-parity-report.json", "the staging and production configuration snapshots",
                        IntakeConfirmationGate.drift(inputs).isPresent()),
                new PackageItem("staging-deployment-run.log", "the deployment rehearsal", inputs.latest(RehearsalResultKind.DEPLOYMENT_REHEARSAL).isPresent()),
                new PackageItem("staging-test-results.json", "the test reports and coverage", testsAll),
                new PackageItem("observability-baseline.md", "the observability baseline", inputs.latest(RehearsalResultKind.OBSERVABILITY_BASELINE).isPresent()),
                new PackageItem("rollback-verification-report.json", "the rollback rehearsal (RTO " + registration.rtoMinutes() + " min)",
                        inputs.latest(RehearsalResultKind.ROLLBACK_REHEARSAL).isPresent()),
                new PackageItem("security-compliance-report.json", "a security scan and the license audit",
                        inputs.latest(RehearsalResultKind.SECURITY_SCAN).isPresent() && inputs.latest(RehearsalResultKind.LICENSE_AUDIT).isPresent()),
                new PackageItem("readiness-approval.json", "a readiness approval",
                        inputs.approvalsOf(ReleasePolicy.READINESS).stream().anyMatch(a -> a.countsAt(at))));
    }

    private static void measureChecklist(ReleaseInputs inputs, List<ChecklistItem> checklist, Measurement m) {
        boolean complete = true;
        for (ChecklistItem item : checklist) {
            Optional<String> notYet = notComplete(item, inputs);
            if (notYet.isPresent()) {
                complete = false;
                m.unmet("deployment checklist: " + item.id() + " is not complete (" + notYet.get() + ")");
            }
        }
        m.measured("checklistComplete", complete);
    }

    /** Why {@code item} is not complete; empty when it is. */
    static Optional<String> notComplete(ChecklistItem item, ReleaseInputs inputs) {
        return switch (item) {
            case DEPLOYMENT_RUN_LOG -> runLogMissing(inputs);
            case OBSERVABILITY_BASELINE -> baselineMissing(inputs);
            case RUNBOOKS_UPDATED -> latest(inputs, RehearsalResultKind.OPERATIONAL_READINESS, OperationalReadiness.class)
                    .map(r -> r.getRunbooks().isEmpty() ? Optional.of("no runbook is listed") : Optional.<String>empty())
                    .orElse(Optional.of("no operational readiness result"));
            case ON_CALL_COVERAGE -> onCallMissing(inputs);
            case LICENSE_AUDIT_PASSED -> licenseAuditNotPassed(inputs);
            case ROLLBACK_VERIFIED -> rollbackNotVerified(inputs);
            case STAGING_DATA_REFRESHED -> inputs.latest(RehearsalResultKind.DATA_REFRESH).isPresent() ? Optional.empty()
                    : Optional.of("no staging data refresh result");
        };
    }

    private static Optional<String> runLogMissing(ReleaseInputs inputs) {
        Optional<RehearsalRun> run = latest(inputs, RehearsalResultKind.DEPLOYMENT_REHEARSAL, RehearsalRun.class);
        if (run.isEmpty()) {
            return Optional.of("no deployment rehearsal result");
        }
        return blank(run.get().getLog()) ? Optional.of("the deployment rehearsal carries no run log") : Optional.empty();
    }

    private static Optional<String> baselineMissing(ReleaseInputs inputs) {
        Optional<ObservabilityBaseline> baseline = latest(inputs, RehearsalResultKind.OBSERVABILITY_BASELINE, ObservabilityBaseline.class);
        if (baseline.isEmpty()) {
            return Optional.of("no observability baseline");
        }
        return baseline.get().getMetrics().isEmpty() ? Optional.of("the observability baseline has no metrics") : Optional.empty();
    }

    private static Optional<String> onCallMissing(ReleaseInputs inputs) {
        Optional<OperationalReadiness> readiness = latest(inputs, RehearsalResultKind.OPERATIONAL_READINESS, OperationalReadiness.class);
        if (readiness.isEmpty()) {
            return Optional.of("no operational readiness result");
        }
        String primary = readiness.get().getOnCallPrimary();
        String backup = readiness.get().getOnCallBackup();
        if (blank(primary) || blank(backup)) {
            return Optional.of("an on-call primary and a backup must both be named");
        }
        return primary.trim().equalsIgnoreCase(backup.trim()) ? Optional.of("the on-call primary and backup are the same person") : Optional.empty();
    }

    private static Optional<String> licenseAuditNotPassed(ReleaseInputs inputs) {
        Optional<LicenseAudit> audit = latest(inputs, RehearsalResultKind.LICENSE_AUDIT, LicenseAudit.class);
        if (audit.isEmpty()) {
            return Optional.of("no license audit result");
        }
        if (audit.get().getStatus() == AuditStatus.PASSED) {
            return Optional.empty();
        }
        return Optional.of("the license audit " + audit.get().getStatus()
                + (audit.get().getFindings().isEmpty() ? "" : ": " + String.join("; ", audit.get().getFindings())));
    }

    private static Optional<String> rollbackNotVerified(ReleaseInputs inputs) {
        Optional<RehearsalRun> run = latest(inputs, RehearsalResultKind.ROLLBACK_REHEARSAL, RehearsalRun.class);
        if (run.isEmpty()) {
            return Optional.of("no rollback rehearsal result");
        }
        RollbackSecurityGate.RollbackAssessment assessment = RollbackSecurityGate.assess(run.get(), inputs.registration().rtoMinutes());
        if (assessment.withinRto()) {
            return Optional.empty();
        }
        return Optional.of(assessment.succeeded() ? "the rollback ran over the RTO" : "the rollback rehearsal failed");
    }

    private static <T> Optional<T> latest(ReleaseInputs inputs, RehearsalResultKind kind, Class<T> type) {
        return inputs.latest(kind).flatMap(r -> r.summary(type));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String named(Result result) {
        return result.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + (result.scope() == null ? "" : " " + result.scope())
                + " received " + result.receivedAt();
    }
}
