package io.gatehouse.rehearsal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.rehearsal.gates.GateVerdict;
import io.gatehouse.rehearsal.gates.Registration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateFailureNoticeTest {

    private static final Registration RELEASE = new Registration("checkout-2.4.2", "checkout", "2.4.2", "staging", "production", 10, List.of(),
            List.of("readiness"), List.of());

    @Test
    void aFailedGatesNoticeReadsLikeTheSeedsErrorTemplateWithItsCriteriaAndWhatWasActual() {
        Map<String, String> thresholds = new LinkedHashMap<>();
        thresholds.put("rollbackSucceeded", "= 1");
        thresholds.put("blockingFindings", "<= 0 (severity above MEDIUM)");
        Map<String, String> observed = new LinkedHashMap<>();
        observed.put("rollbackSucceeded", "yes");
        observed.put("blockingFindings", "2");
        GateVerdict failed = new GateVerdict(3, "Rollback and security", GateOutcome.FAILED, Map.of("rollbackSucceeded", 1.0, "blockingFindings", 2.0),
                observed, thresholds, List.of("2 blocking security findings (severity above MEDIUM, at most 0): CVE-1 HIGH, CVE-2 CRITICAL"),
                List.of("scan-1"));

        String text = GateFailureNotice.textOf(RELEASE, failed, List.of("security-team", "release-manager"));

        assertThat(text).isEqualTo("""
                [GATE FAILED: Rollback and security] [CRITICAL]
                Quality gate 'Rollback and security' (gate 3 of protocol 14) failed for pre-deployment staging.
                Context: release checkout-2.4.2 (checkout 2.4.2): 2 blocking security findings (severity above MEDIUM, at most 0): CVE-1 HIGH, \
                CVE-2 CRITICAL
                Resolution: fix the rollback procedure or its duration and remediate the blocking findings, then rerun; or the CISO and the CTO \
                waive gate 3, each documenting compensating controls
                Impact: blocks the release's GO until resolved: the release is NO_GO
                Criteria: rollbackSucceeded = 1; blockingFindings <= 0 (severity above MEDIUM)
                Actual: FAILED: rollbackSucceeded yes; blockingFindings 2
                For: security-team, release-manager""");
        ErrorReport report = GateFailureNotice.reportOf(RELEASE, failed);
        assertThat(report.failed()).isEqualTo("gate 3 Rollback and security");
        assertThat(report.criteria()).isNotNull();
    }
}
