package io.gatehouse.evidence.release;

import io.gatehouse.events.AuditStatus;
import io.gatehouse.events.FindingSeverity;
import io.gatehouse.events.LicenseAudit;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.SecurityFinding;
import io.gatehouse.events.SecurityScanSummary;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * security-compliance-report.json: the release's SARIF scans and license audit, the latest of each with the ones it
 * superseded, the blocking findings (above MEDIUM) and the suppressed ones (waived in the scan, never blocking), the
 * security lead's staging clearance and the CISO's and CTO's waivers of gate 3.
 *
 * @param blocking unsuppressed findings above MEDIUM, over the latest scan of each scope
 * @param suppressed suppressed findings, over the latest scan of each scope
 * @param scans one per scan scope (null: the scans that named none), by scope
 */
record SecurityComplianceReport(String releaseId, boolean happened, String statement, int blocking, int suppressed,
                                List<Scans> scans, LicenseAudits licenseAudit, List<Approvals.Approval> clearances,
                                List<GateWaivers.Waiver> gate3Waivers) {

    record Scans(String scope, Scan latest, List<Scan> superseded) {
    }

    /**
     * @param findings results found, suppressed ones included
     * @param countsBySeverity unsuppressed results by severity
     * @param blockingFindings the blocking findings the scan lists (intake keeps the first 100)
     * @param suppressedFindings the findings above MEDIUM that the scan suppressed
     */
    record Scan(Results.Received received, List<String> tools, int findings, SortedMap<String, Integer> countsBySeverity, int blocking,
                int suppressed, List<Finding> blockingFindings, List<Finding> suppressedFindings) {
    }

    record Finding(String ruleId, FindingSeverity severity, String message, String location) {

        static Finding of(SecurityFinding f) {
            return new Finding(f.getRuleId(), f.getSeverity(), f.getMessage(), f.getLocation());
        }
    }

    /** @param status PASSED, FAILED, or MISSING while no audit came */
    record LicenseAudits(String status, Audit latest, List<Audit> superseded) {
    }

    record Audit(Results.Received received, AuditStatus status, List<String> findings) {
    }

    static SecurityComplianceReport of(SubjectHistory history) {
        List<Scans> scans = new ArrayList<>();
        Results.byScope(Results.of(history, RehearsalResultKind.SECURITY_SCAN, SecurityScanSummary.class), Results::scope).forEach((scope, group) -> {
            List<Scan> inOrder = Results.withSuccessors(group, SecurityComplianceReport::scan);
            scans.add(new Scans(scope.isEmpty() ? null : scope, Results.latest(inOrder), Results.superseded(inOrder)));
        });
        List<Audit> audits = Results.withSuccessors(Results.of(history, RehearsalResultKind.LICENSE_AUDIT, LicenseAudit.class),
                (r, next) -> new Audit(Results.Received.of(r, next), Results.summary(r, LicenseAudit.class).getStatus(),
                        List.copyOf(Results.summary(r, LicenseAudit.class).getFindings())));
        Audit audit = Results.latest(audits);
        int blocking = scans.stream().mapToInt(s -> s.latest().blocking()).sum();
        int suppressed = scans.stream().mapToInt(s -> s.latest().suppressed()).sum();
        return new SecurityComplianceReport(history.subject(), !scans.isEmpty() || audit != null, statement(scans, blocking, suppressed, audit),
                blocking, suppressed, scans, new LicenseAudits(audit == null ? "MISSING" : audit.status().name(), audit, Results.superseded(audits)),
                Approvals.approvals(history, true, history.latestTime()).filter(a -> a.kind().equals(Approvals.STAGING_CLEARANCE)).toList(),
                history.waivers(3).stream().map(w -> GateWaivers.Waiver.of(w, history.latestTime())).toList());
    }

    /** The scans, the audits, the staging clearances and gate 3's waivers, in ledger order. */
    static List<LedgerEvent> sources(SubjectHistory history) {
        Set<String> ids = new LinkedHashSet<>();
        Results.sources(history, RehearsalResultKind.SECURITY_SCAN, RehearsalResultKind.LICENSE_AUDIT).forEach(e -> ids.add(e.eventId()));
        Approvals.of(history, true).stream().filter(a -> a.event().getKind().equals(Approvals.STAGING_CLEARANCE)).forEach(a -> ids.add(a.eventId()));
        history.waivers(3).forEach(w -> ids.add(w.eventId()));
        return history.events().stream().filter(e -> ids.contains(e.eventId())).toList();
    }

    static boolean happened(SubjectHistory history) {
        return !Results.sources(history, RehearsalResultKind.SECURITY_SCAN, RehearsalResultKind.LICENSE_AUDIT).isEmpty();
    }

    private static Scan scan(Recorded<RehearsalResultReceived> result, String supersededBy) {
        SecurityScanSummary s = Results.summary(result, SecurityScanSummary.class);
        return new Scan(Results.Received.of(result, supersededBy), List.copyOf(s.getTools()), s.getFindings(), new TreeMap<>(s.getCountsBySeverity()),
                s.getBlocking(), s.getSuppressed(),
                s.getBlockingFindings().stream().filter(f -> !f.getSuppressed()).map(Finding::of).toList(),
                s.getBlockingFindings().stream().filter(SecurityFinding::getSuppressed).map(Finding::of).toList());
    }

    private static String statement(List<Scans> scans, int blocking, int suppressed, Audit audit) {
        String scanned = scans.isEmpty() ? "No security scan was reported."
                : scans.size() + " scan scope(s): " + blocking + " blocking finding(s), " + suppressed + " suppressed in the scan.";
        String licenses = audit == null ? " No license audit was reported."
                : " License audit " + audit.status() + (audit.findings().isEmpty() ? "." : ": " + String.join("; ", audit.findings()) + ".");
        return scanned + licenses;
    }
}
