package io.gatehouse.rehearsal.gates;

import io.gatehouse.events.FindingSeverity;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.RunStatus;
import io.gatehouse.events.SecurityFinding;
import io.gatehouse.events.SecurityScanSummary;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gate 3 of protocol 14, rollback and security: the staging rollback rehearsal succeeded within the release's RTO,
 * and the security scans found no more blocking findings (severity above the policy's level, MEDIUM) than allowed (0).
 * Waivable by the CISO and the CTO together, each documenting compensating controls.
 *
 * <p>Reads: the registration (RTO); results ROLLBACK_REHEARSAL and SECURITY_SCAN (the newest of each scope: scans of
 * different scanners add up); gate 3's waivers.
 */
public final class RollbackSecurityGate {

    public static final int NUMBER = 3;
    public static final String NAME = "Rollback and security";

    /** Findings named in a condition; the security compliance report names them all. */
    private static final int FINDINGS_NAMED = 5;

    /** A rollback rehearsal measured against the release's RTO: what RollbackRehearsalAssessed says. */
    public record RollbackAssessment(boolean succeeded, double durationSeconds, double rtoSeconds) {

        public boolean withinRto() {
            return succeeded && durationSeconds <= rtoSeconds;
        }
    }

    private RollbackSecurityGate() {
    }

    /** A rollback rehearsal of a release with {@code rtoMinutes}; its duration runs from its start to its end. */
    public static RollbackAssessment assess(RehearsalRun run, int rtoMinutes) {
        return new RollbackAssessment(run.getStatus() == RunStatus.SUCCEEDED,
                Duration.between(run.getStartedAt(), run.getFinishedAt()).toMillis() / 1000.0, rtoMinutes * 60.0);
    }

    public static GateVerdict evaluate(ReleaseInputs inputs, ReleasePolicy policy, Instant at) {
        ReleasePolicy.RollbackAndSecurity thresholds = policy.rollbackAndSecurity();
        double rtoSeconds = inputs.registration().rtoSeconds();
        Measurement m = new Measurement()
                .requires("rollbackSucceeded", "= 1")
                .requires("rollbackDurationSeconds", "<= rtoSeconds (" + Numbers.format(rtoSeconds) + ")")
                .requires("blockingFindings", "<= " + thresholds.maxBlockingFindings() + " (severity above " + thresholds.blockingSeverityAbove() + ")");
        m.measured("rtoSeconds", rtoSeconds);
        measureRollback(inputs, m);
        measureScans(inputs, thresholds, m);
        Optional<List<Waiver>> waivers = Waivers.covering(thresholds.waiver(), inputs.waiversOf(NUMBER), at);
        if (m.anyUnmet()) {
            waivers.ifPresent(ws -> ws.forEach(w -> m.cites(w.eventId())));
        }
        return m.verdict(NUMBER, NAME, waivers.isPresent());
    }

    /** Whether the current rollback rehearsal succeeded: the other half of the hard rule's rehearsals. */
    public static boolean rollbackSucceeded(ReleaseInputs inputs) {
        return inputs.latest(RehearsalResultKind.ROLLBACK_REHEARSAL).flatMap(r -> r.summary(RehearsalRun.class))
                .map(run -> run.getStatus() == RunStatus.SUCCEEDED).orElse(false);
    }

    private static void measureRollback(ReleaseInputs inputs, Measurement m) {
        Optional<Result> rollback = inputs.latest(RehearsalResultKind.ROLLBACK_REHEARSAL);
        if (rollback.isEmpty()) {
            m.missing("no rollback rehearsal result yet");
            return;
        }
        m.cites(rollback.get().eventId());
        RollbackAssessment assessment = assess(rollback.get().summary(RehearsalRun.class).orElseThrow(), inputs.registration().rtoMinutes());
        m.measured("rollbackSucceeded", assessment.succeeded());
        m.measured("rollbackDurationSeconds", assessment.durationSeconds());
        if (!assessment.succeeded()) {
            m.unmet("the rollback rehearsal on staging FAILED");
        }
        if (assessment.durationSeconds() > assessment.rtoSeconds()) {
            m.unmet("the rollback took " + Numbers.format(assessment.durationSeconds()) + " s, over the RTO of "
                    + Numbers.format(assessment.rtoSeconds()) + " s (" + inputs.registration().rtoMinutes() + " min)");
        }
    }

    private static void measureScans(ReleaseInputs inputs, ReleasePolicy.RollbackAndSecurity thresholds, Measurement m) {
        List<Result> scans = inputs.currentOf(RehearsalResultKind.SECURITY_SCAN);
        if (scans.isEmpty()) {
            m.missing("no security scan result yet");
            return;
        }
        FindingSeverity above = thresholds.blockingSeverityAbove();
        int blocking = 0;
        for (Result scan : scans) {
            m.cites(scan.eventId());
            blocking += blockingIn(scan.summary(SecurityScanSummary.class).orElseThrow(), above);
        }
        m.measured("blockingFindings", blocking);
        if (blocking > thresholds.maxBlockingFindings()) {
            List<SecurityFinding> named = scans.stream().flatMap(s -> s.summary(SecurityScanSummary.class).orElseThrow().getBlockingFindings().stream())
                    .filter(f -> !f.getSuppressed() && f.getSeverity().compareTo(above) > 0).toList();
            String findings = named.stream().limit(FINDINGS_NAMED)
                    .map(f -> f.getRuleId() + " " + f.getSeverity() + (f.getLocation() == null ? "" : " at " + f.getLocation()))
                    .collect(Collectors.joining(", "));
            m.unmet(blocking + " blocking security finding" + (blocking == 1 ? "" : "s") + " (severity above " + above + ", at most "
                    + thresholds.maxBlockingFindings() + ")" + (findings.isEmpty() ? "" : ": " + findings)
                    + (named.size() > FINDINGS_NAMED ? " and " + (named.size() - FINDINGS_NAMED) + " more" : ""));
        }
    }

    /** Unsuppressed findings above {@code above}, counted by severity: a suppressed finding counts as waived in the scan. */
    private static int blockingIn(SecurityScanSummary scan, FindingSeverity above) {
        int blocking = 0;
        for (Map.Entry<String, Integer> count : scan.getCountsBySeverity().entrySet()) {
            if (FindingSeverity.valueOf(count.getKey()).compareTo(above) > 0) {
                blocking += count.getValue();
            }
        }
        return blocking;
    }
}
