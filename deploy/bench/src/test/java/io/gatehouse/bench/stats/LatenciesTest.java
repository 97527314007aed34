package io.gatehouse.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static final long MS = 1_000_000;

    @Test
    void percentilesAreNearestRankOverTheMergedSamplesOfEveryThread() {
        // given 1..100 ms, split unevenly over two threads' arrays that hold unused slots at their ends
        long[] first = LongStream.rangeClosed(1, 30).map(n -> n * MS).toArray();
        long[] second = new long[100];
        for (int i = 0; i < 70; i++) {
            second[i] = (100 - i) * MS;
        }

        // when
        Latencies latencies = Latencies.merge(List.of(first, second), List.of(30, 70));

        // then
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void aSmallSampleTakesItsObservedValuesNeverAnInterpolation() {
        Latencies latencies = Latencies.of(3 * MS, 1 * MS, 2 * MS);

        assertThat(latencies.percentileMillis(50)).isEqualTo(2.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(3.0);
        assertThat(latencies.percentileMillis(1)).isEqualTo(1.0);
    }

    @Test
    void withoutSamplesThereIsNoPercentile() {
        Latencies none = Latencies.of();

        assertThat(none.percentileMillis(99)).isNull();
        assertThat(none.maxMillis()).isNull();
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> Latencies.of(MS).percentileMillis(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.of(MS).percentileMillis(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
