package io.gatehouse.rehearsal.intake;

import static io.gatehouse.rehearsal.TestResults.T0;
import static io.gatehouse.rehearsal.TestResults.coverage;
import static io.gatehouse.rehearsal.TestResults.result;
import static io.gatehouse.rehearsal.TestResults.scan;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.SecurityScanSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultChecksTest {

    @Test
    void aResultOfItsReleaseWithTheSummaryOfItsKindIsReadable() {
        assertThat(ResultChecks.problemOf("rel-1", coverage("rel-1", 0.9, T0))).isEmpty();
    }

    @Test
    void aResultPublishedUnderAnotherSubjectThanItsReleaseIsNot() {
        assertThat(ResultChecks.problemOf("rel-2", coverage("rel-1", 0.9, T0)))
                .hasValue("the event's subject rel-2 is not the release it names, rel-1");
    }

    @Test
    void aSummaryOfAnotherKindIsNot() {
        RehearsalResultReceived mislabelled = result("rel-1", RehearsalResultKind.ROLLBACK_REHEARSAL, null, T0,
                coverage("rel-1", 0.9, T0).getSummary());

        assertThat(ResultChecks.problemOf("rel-1", mislabelled)).hasValue("a ROLLBACK_REHEARSAL result needs a RehearsalRun summary, not CoverageSummary");
    }

    @Test
    void aScanCountingAnUnknownSeverityIsNot() {
        RehearsalResultReceived clean = scan("rel-1", T0);
        SecurityScanSummary summary = (SecurityScanSummary) clean.getSummary();
        summary.setCountsBySeverity(Map.of("SEVERE", 1));
        summary.setBlockingFindings(List.of());

        assertThat(ResultChecks.problemOf("rel-1", clean)).hasValue("the security scan counts findings of an unknown severity SEVERE");
    }
}
