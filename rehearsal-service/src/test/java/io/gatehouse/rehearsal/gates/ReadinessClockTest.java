package io.gatehouse.rehearsal.gates;

import static io.gatehouse.rehearsal.TestResults.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadinessClockTest {

    private static final Instant LATER = T0.plusSeconds(3600);

    @Test
    void theClockStartsWhenGatesOneToThreeBecomeClear() {
        assertThat(ReadinessClock.readySince(null, true, false, LATER)).isEqualTo(LATER);
    }

    @Test
    void itKeepsRunningWhileTheyStayClearWithoutNewEvidence() {
        assertThat(ReadinessClock.readySince(T0, true, false, LATER)).isEqualTo(T0);
    }

    @Test
    void aNewResultRestartsItSinceThePackageToApproveChanged() {
        assertThat(ReadinessClock.readySince(T0, true, true, LATER)).isEqualTo(LATER);
    }

    @Test
    void itStopsWhenAGateIsNoLongerClear() {
        assertThat(ReadinessClock.readySince(T0, false, true, LATER)).isNull();
    }
}
