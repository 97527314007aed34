package io.gatehouse.bench.http;

import io.gatehouse.bench.stats.Latencies;

/**
 * What a load did: requests sent, answered 2xx ({@code accepted}, carrying {@code acceptedAlerts}), failed (any other
 * status, or no answer), between the first request and the last answer, with each request's latency.
 *
 * @param firstError the first failure, to say what went wrong; null when nothing failed
 */
public record LoadResult(long requests, long accepted, long acceptedAlerts, long errors, String firstError, long startNanos, long endNanos,
                         Latencies latencies) {

    public double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    public double requestsPerSec() {
        return requests / seconds();
    }
}
