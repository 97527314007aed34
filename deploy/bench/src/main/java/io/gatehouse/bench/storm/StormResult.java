package io.gatehouse.bench.storm;

/**
 * A storm: {@code alerts} posted over {@code keys} grouping keys, {@code accepted} of them answered 202, how many were
 * applied into how many incidents, and how long it took from the first post: {@code seconds} until every accepted
 * alert was applied ({@code completed}), or until the bench gave up. {@code lost} is what was accepted and not applied
 * by then. The apply rates are over the first and the last {@code rateWindow} alerts applied.
 */
public record StormResult(int keys, long alerts, long accepted, long postErrors, long incidents, long applied, long lost, double seconds,
                          double postingSeconds, boolean completed, long rateWindow, Double firstRatePerSec, Double lastRatePerSec,
                          long lastPostNanos) {
}
