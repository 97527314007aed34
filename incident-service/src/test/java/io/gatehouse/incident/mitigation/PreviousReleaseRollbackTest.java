package io.gatehouse.incident.mitigation;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.ReadinessItem;
import io.gatehouse.events.ReadinessStatus;
import io.gatehouse.incident.releases.RollbackRehearsal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreviousReleaseRollbackTest {

    private static ReadinessItem rehearsed(boolean succeeded, double durationSeconds, double rtoSeconds) {
        return PreviousReleaseRollback.item("rel-41", Optional.of(new RollbackRehearsal.Assessment("rel-41", succeeded, durationSeconds,
                rtoSeconds, "assessed-1")));
    }

    @Test
    void aRehearsalThatSucceededWithinItsRtoPassesAndIsCited() {
        ReadinessItem item = rehearsed(true, 240, 600);

        assertThat(item.getName()).isEqualTo("previous-release-rollback-verified");
        assertThat(item.getStatus()).isEqualTo(ReadinessStatus.PASSED);
        assertThat(item.getDetail()).isEqualTo("the rollback rehearsal of release rel-41 succeeded in 240.0 s (RTO 600.0 s)");
        assertThat(item.getEvidenceEventId()).isEqualTo("assessed-1");
    }

    @Test
    void aRehearsalThatTookExactlyItsRtoPasses() {
        assertThat(rehearsed(true, 600, 600).getStatus()).isEqualTo(ReadinessStatus.PASSED);
    }

    @Test
    void aRehearsalJustOverItsRtoFailsAndIsCited() {
        ReadinessItem item = rehearsed(true, 600.001, 600);

        assertThat(item.getStatus()).isEqualTo(ReadinessStatus.FAILED);
        assertThat(item.getDetail()).isEqualTo("the rollback rehearsal of release rel-41 took 600.001 s, over its RTO of 600.0 s");
        assertThat(item.getEvidenceEventId()).isEqualTo("assessed-1");
    }

    @Test
    void aFailedRehearsalFailsHoweverFastItWas() {
        ReadinessItem item = rehearsed(false, 1, 600);

        assertThat(item.getStatus()).isEqualTo(ReadinessStatus.FAILED);
        assertThat(item.getDetail()).isEqualTo("the rollback rehearsal of release rel-41 failed");
        assertThat(item.getEvidenceEventId()).isEqualTo("assessed-1");
    }

    @Test
    void noKnownRehearsalIsMissingAndCitesNothing() {
        ReadinessItem item = PreviousReleaseRollback.item("rel-41", Optional.empty());

        assertThat(item.getStatus()).isEqualTo(ReadinessStatus.MISSING);
        assertThat(item.getDetail()).startsWith("no rollback rehearsal of release rel-41 is known");
        assertThat(item.getEvidenceEventId()).isNull();
    }

    @Test
    void aPlanWithoutAPreviousReleaseIsMissing() {
        ReadinessItem item = PreviousReleaseRollback.item(null, Optional.empty());

        assertThat(item.getStatus()).isEqualTo(ReadinessStatus.MISSING);
        assertThat(item.getDetail()).isEqualTo("the mitigation plan names no previous release to roll back to");
    }
}
