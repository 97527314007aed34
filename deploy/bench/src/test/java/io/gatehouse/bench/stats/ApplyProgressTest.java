package io.gatehouse.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ApplyProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aConstantCostPerAlertGivesEqualFirstAndLastRates() {
        // given 100 alerts a second for 300 seconds, sampled once a second
        ApplyProgress progress = new ApplyProgress();
        for (int s = 0; s <= 300; s++) {
            progress.record(s * SECOND, s * 100L);
        }

        assertThat(progress.firstRatePerSec(10_000)).isCloseTo(100.0, within(0.001));
        assertThat(progress.lastRatePerSec(10_000)).isCloseTo(100.0, within(0.001));
    }

    @Test
    void anIncidentThatGetsSlowerAsItGrowsShowsALowerLastRate() {
        // given 20,000 alerts: the first 10,000 at 200/s (50 s), the last 10,000 at 50/s (200 s)
        ApplyProgress progress = new ApplyProgress();
        long t = 0;
        progress.record(t, 0);
        for (int applied = 1_000; applied <= 10_000; applied += 1_000) {
            t += 5 * SECOND;
            progress.record(t, applied);
        }
        for (int applied = 11_000; applied <= 20_000; applied += 1_000) {
            t += 20 * SECOND;
            progress.record(t, applied);
        }

        assertThat(progress.firstRatePerSec(10_000)).isCloseTo(200.0, within(0.001));
        assertThat(progress.lastRatePerSec(10_000)).isCloseTo(50.0, within(0.001));
    }

    @Test
    void theFirstRateCountsFromTheLastSampleThatSawNothingApplied() {
        // given the stack idles for 10 s before it applies anything, then 10,000 in 5 s
        ApplyProgress progress = new ApplyProgress();
        progress.record(0, 0);
        progress.record(10 * SECOND, 0);
        progress.record(15 * SECOND, 10_000);

        assertThat(progress.firstRatePerSec(10_000)).isCloseTo(2_000.0, within(0.001));
    }

    @Test
    void theLastRateEndsWhereTheFinalCountWasFirstSeen() {
        // given the count stops at 10,000 after 10 s and is sampled unchanged for a minute more
        ApplyProgress progress = new ApplyProgress();
        progress.record(0, 0);
        progress.record(10 * SECOND, 10_000);
        progress.record(70 * SECOND, 10_000);

        assertThat(progress.lastRatePerSec(10_000)).isCloseTo(1_000.0, within(0.001));
    }

    @Test
    void fewerAlertsThanTheWindowHaveNoRate() {
        ApplyProgress progress = new ApplyProgress();
        progress.record(0, 0);
        progress.record(SECOND, 9_999);

        assertThat(progress.firstRatePerSec(10_000)).isNull();
        assertThat(progress.lastRatePerSec(10_000)).isNull();
    }

    @Test
    void aCountThatGoesBackIsRefused() {
        ApplyProgress progress = new ApplyProgress();
        progress.record(0, 10);

        assertThatThrownBy(() -> progress.record(SECOND, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
