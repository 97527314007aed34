package io.gatehouse.bench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * How many alerts were applied, sampled over time while a storm is worked off, and the apply rate over its first and
 * its last {@code window} alerts. Equal rates mean the cost of applying an alert does not grow with its incident.
 */
public final class ApplyProgress {

    /** One observation: {@code applied} alerts at {@code nanos} (System.nanoTime). */
    public record Sample(long nanos, long applied) {
    }

    private final List<Sample> samples = new ArrayList<>();

    public synchronized void record(long nanos, long applied) {
        if (!samples.isEmpty() && applied < samples.get(samples.size() - 1).applied()) {
            throw new IllegalArgumentException("applied alerts never decrease: " + applied + " after " + samples.get(samples.size() - 1).applied());
        }
        samples.add(new Sample(nanos, applied));
    }

    /**
     * Alerts per second over the first {@code window} applied: from the last sample that saw none applied to the first
     * that saw at least {@code window}; null when fewer were applied or nothing was sampled before the first one.
     */
    public synchronized Double firstRatePerSec(long window) {
        Sample before = null;
        for (Sample sample : samples) {
            if (sample.applied() == 0) {
                before = sample;
            } else if (sample.applied() >= window) {
                return before == null ? null : rate(before, sample);
            }
        }
        return null;
    }

    /**
     * Alerts per second over the last {@code window} applied: from the last sample at or below the final count minus
     * {@code window} to the first sample that saw the final count; null when fewer than {@code window} were applied.
     */
    public synchronized Double lastRatePerSec(long window) {
        if (samples.isEmpty()) {
            return null;
        }
        long last = samples.get(samples.size() - 1).applied();
        if (last < window) {
            return null;
        }
        Sample from = null;
        for (Sample sample : samples) {
            if (sample.applied() <= last - window) {
                from = sample;
            } else if (sample.applied() == last) {
                return from == null ? null : rate(from, sample);
            }
        }
        return null;
    }

    private static Double rate(Sample from, Sample to) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        return seconds <= 0 ? null : (to.applied() - from.applied()) / seconds;
    }
}
