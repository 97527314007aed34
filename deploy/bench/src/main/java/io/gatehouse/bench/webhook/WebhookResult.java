package io.gatehouse.bench.webhook;

/** The webhook phase: requests posted over {@code seconds}, those not answered 2xx, and latency percentiles. */
public record WebhookResult(long requests, long errors, String firstError, double seconds, Double p50Ms, Double p99Ms, Double maxMs) {

    public double perSec() {
        return requests / seconds;
    }
}
