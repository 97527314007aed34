package io.gatehouse.bench.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies in nanoseconds, merged from the arrays each load thread filled on its own, sorted once. Percentiles are
 * nearest-rank: p99 of 100 samples is the 99th smallest, an observed latency, never an interpolation.
 */
public final class Latencies {

    private final long[] sorted;

    private Latencies(long[] sorted) {
        this.sorted = sorted;
    }

    /** Merges the first {@code counts[i]} values of each {@code parts[i]}. */
    public static Latencies merge(List<long[]> parts, List<Integer> counts) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            System.arraycopy(parts.get(i), 0, all, at, counts.get(i));
            at += counts.get(i);
        }
        Arrays.sort(all);
        return new Latencies(all);
    }

    public static Latencies of(long... nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    public int count() {
        return sorted.length;
    }

    /**
     * The nearest-rank percentile in milliseconds, or null without samples.
     *
     * @param percent in (0, 100]
     */
    public Double percentileMillis(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile is in (0, 100], not " + percent);
        }
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return toMillis(sorted[Math.max(rank, 1) - 1]);
    }

    public Double maxMillis() {
        return sorted.length == 0 ? null : toMillis(sorted[sorted.length - 1]);
    }

    private static double toMillis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
