package io.gatehouse.intake.results;

import io.gatehouse.events.CoverageSummary;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.UpstreamArtifact;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.config.ConfigSnapshots;
import io.gatehouse.intake.results.coverage.CoverageCounter;
import io.gatehouse.intake.results.coverage.CoverageReports;
import io.gatehouse.intake.results.junit.JUnitReports;
import io.gatehouse.intake.results.readiness.LicenseAudits;
import io.gatehouse.intake.results.readiness.OperationalReadinessReports;
import io.gatehouse.intake.results.readiness.UpstreamArtifacts;
import io.gatehouse.intake.results.rehearsal.DataRefreshes;
import io.gatehouse.intake.results.rehearsal.ObservabilityBaselines;
import io.gatehouse.intake.results.rehearsal.RehearsalRuns;
import io.gatehouse.intake.results.sarif.SarifScans;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The results a pipeline publishes for a release, each named as the {@value ResultHeaders#RESULT} header names it,
 * and how each is parsed. A kind's scope is what a newer result must share with an older one to supersede it.
 */
public enum ResultKind {

    TEST_REPORT(JUnitReports.KIND, RehearsalResultKind.TEST_REPORT) {
        @Override
        ParsedResult parse(ResultAddress address, byte[] body, CoverageCounter counter) {
            return new ParsedResult("junit", XML, address.qualifier(), JUnitReports.parse(body, address.qualifier()));
        }
    },
    COVERAGE(CoverageReports.KIND, RehearsalResultKind.COVERAGE) {
        @Override
        ParsedResult parse(ResultAddress address, byte[] body, CoverageCounter counter) {
            CoverageSummary summary = CoverageReports.parse(body, counter);
            return new ParsedResult(summary.getFormat(), XML, null, summary);
        }
    },
    SECURITY_SCAN(SarifScans.KIND, RehearsalResultKind.SECURITY_SCAN) {
        @Override
        ParsedResult parse(ResultAddress address, byte[] body, CoverageCounter counter) {
            SarifScans.ParsedScan scan = SarifScans.parse(body);
            return new ParsedResult(SarifScans.FORMAT, "application/sarif+json", scan.scanners(), scan.summary());
        }
    },
    CONFIG_SNAPSHOT(ConfigSnapshots.KIND, RehearsalResultKind.CONFIG_SNAPSHOT) {
        @Override
        ParsedResult parse(ResultAddress address, byte[] body, CoverageCounter counter) {
            ConfigSnapshots.ParsedSnapshot parsed = ConfigSnapshots.parse(body, address.qualifier());
            String mediaType = parsed.format().equals(ConfigSnapshots.JSON) ? JSON : "application/yaml";
            return new ParsedResult(parsed.format(), mediaType, address.qualifier(), parsed.snapshot());
        }
    },
    DEPLOYMENT_REHEARSAL(RehearsalRuns.DEPLOYMENT, RehearsalResultKind.DEPLOYMENT_REHEARSAL) {
        @Override
        ParsedResult parse(ResultAddress address, byte[] body, CoverageCounter counter) {
            return ParsedResult.json(RehearsalRuns.deployment(body));
        }
    },
    ROLLBACK_REHEARSAL(RehearsalRuns.ROLLBACK, RehearsalResultKind.ROLLBACK_REHEARSAL) {
        @Override
        ParsedResult parse(ResultAddress address, byte[] body, CoverageCounter counter) {
            return ParsedResult.json(RehearsalRuns.rollback(body));
        }
    },
    OBSERVABILITY_BASELINE(ObservabilityBaselines.KIND, RehearsalResultKind.OBSERVABILITY_BASELINE) {
        @Override
        ParsedResult parse(ResultAddress address, byte[] body, CoverageCounter counter) {
            return ParsedResult.json(ObservabilityBaselines.parse(body));
        }
    },
    OPERATIONAL_READINESS(OperationalReadinessReports.KIND, RehearsalResultKind.OPERATIONAL_READINESS) {
        @Override
        ParsedResult parse(ResultAddress address, byte[] body, CoverageCounter counter) {
            return ParsedResult.json(OperationalReadinessReports.parse(body));
        }
    },
    UPSTREAM_ARTIFACT(UpstreamArtifacts.KIND, RehearsalResultKind.UPSTREAM_ARTIFACT) {
        @Override
        ParsedResult parse(ResultAddress address, byte[] body, CoverageCounter counter) {
            UpstreamArtifact artifact = UpstreamArtifacts.parse(body);
            return new ParsedResult("json", JSON, artifact.getName(), artifact);
        }
    },
    LICENSE_AUDIT(LicenseAudits.KIND, RehearsalResultKind.LICENSE_AUDIT) {
        @Override
        ParsedResult parse(ResultAddress address, byte[] body, CoverageCounter counter) {
            return ParsedResult.json(LicenseAudits.parse(body));
        }
    },
    DATA_REFRESH(DataRefreshes.KIND, RehearsalResultKind.DATA_REFRESH) {
        @Override
        ParsedResult parse(ResultAddress address, byte[] body, CoverageCounter counter) {
            return ParsedResult.json(DataRefreshes.parse(body));
        }
    };

    static final String XML = "application/xml";
    static final String JSON = "application/json";

    private final String headerValue;
    private final RehearsalResultKind eventKind;

    ResultKind(String headerValue, RehearsalResultKind eventKind) {
        this.headerValue = headerValue;
        this.eventKind = eventKind;
    }

    /** The kind as {@value ResultHeaders#RESULT} names it, e.g. {@code test-report}. */
    public String headerValue() {
        return headerValue;
    }

    public RehearsalResultKind eventKind() {
        return eventKind;
    }

    /**
     * Parses a result of this kind sent for {@code address}.
     *
     * @throws RejectedPayload when it is not a valid one, saying what is wrong
     */
    abstract ParsedResult parse(ResultAddress address, byte[] body, CoverageCounter counter);

    /** The kind {@code headerValue} names. */
    public static Optional<ResultKind> named(String headerValue) {
        return Arrays.stream(values()).filter(kind -> kind.headerValue.equals(headerValue)).findFirst();
    }

    /** Every kind's name, for a refusal that lists them. */
    public static String names() {
        return Arrays.stream(values()).map(ResultKind::headerValue).collect(Collectors.joining(", "));
    }
}
