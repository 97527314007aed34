package io.gatehouse.rehearsal.intake;

import io.gatehouse.events.ConfigSnapshot;
import io.gatehouse.events.CoverageSummary;
import io.gatehouse.events.DataRefresh;
import io.gatehouse.events.FindingSeverity;
import io.gatehouse.events.LicenseAudit;
import io.gatehouse.events.ObservabilityBaseline;
import io.gatehouse.events.OperationalReadiness;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.SecurityScanSummary;
import io.gatehouse.events.TestReportSummary;
import io.gatehouse.events.UpstreamArtifact;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a RehearsalResultReceived event must say for the gates to read it: a release, a summary of the type its kind
 * names, and only severities Gatehouse knows. An event that fails these can never be applied.
 */
final class ResultChecks {

    private static final Map<RehearsalResultKind, Class<?>> SUMMARY_OF = new EnumMap<>(RehearsalResultKind.class);

    static {
        SUMMARY_OF.put(RehearsalResultKind.TEST_REPORT, TestReportSummary.class);
        SUMMARY_OF.put(RehearsalResultKind.COVERAGE, CoverageSummary.class);
        SUMMARY_OF.put(RehearsalResultKind.SECURITY_SCAN, SecurityScanSummary.class);
        SUMMARY_OF.put(RehearsalResultKind.CONFIG_SNAPSHOT, ConfigSnapshot.class);
        SUMMARY_OF.put(RehearsalResultKind.DEPLOYMENT_REHEARSAL, RehearsalRun.class);
        SUMMARY_OF.put(RehearsalResultKind.ROLLBACK_REHEARSAL, RehearsalRun.class);
        SUMMARY_OF.put(RehearsalResultKind.OBSERVABILITY_BASELINE, ObservabilityBaseline.class);
        SUMMARY_OF.put(RehearsalResultKind.OPERATIONAL_READINESS, OperationalReadiness.class);
        SUMMARY_OF.put(RehearsalResultKind.UPSTREAM_ARTIFACT, UpstreamArtifact.class);
        SUMMARY_OF.put(RehearsalResultKind.LICENSE_AUDIT, LicenseAudit.class);
        SUMMARY_OF.put(RehearsalResultKind.DATA_REFRESH, DataRefresh.class);
    }

    private ResultChecks() {
    }

    /**
     * Why the gates cannot read {@code result}, published with CloudEvents subject {@code subject}; empty when they can.
     */
    static Optional<String> problemOf(String subject, RehearsalResultReceived result) {
        if (result.getRelease().isBlank()) {
            return Optional.of("the result names no release");
        }
        if (!result.getRelease().equals(subject)) {
            return Optional.of("the event's subject " + subject + " is not the release it names, " + result.getRelease());
        }
        Class<?> expected = SUMMARY_OF.get(result.getKind());
        if (!expected.isInstance(result.getSummary())) {
            return Optional.of("a " + result.getKind() + " result needs a " + expected.getSimpleName() + " summary, not "
                    + result.getSummary().getClass().getSimpleName());
        }
        if (result.getSummary() instanceof SecurityScanSummary scan) {
            Optional<String> unknown = scan.getCountsBySeverity().keySet().stream()
                    .filter(name -> Arrays.stream(FindingSeverity.values()).noneMatch(s -> s.name().equals(name))).findFirst();
            if (unknown.isPresent()) {
                return Optional.of("the security scan counts findings of an unknown severity " + unknown.get());
            }
        }
        return Optional.empty();
    }
}
