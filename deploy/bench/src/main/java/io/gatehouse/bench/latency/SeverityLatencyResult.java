package io.gatehouse.bench.latency;

/**
 * Alert to severity: {@code alerts} posted at {@code ratePerSec}, each opening an incident; latency from when each
 * post was due to when the bench saw its incident's first SeverityClassified. {@code missing} never arrived within
 * the wait; {@code postErrors} were not accepted by intake-service at all.
 */
public record SeverityLatencyResult(int alerts, int ratePerSec, int arrived, int missing, long postErrors, Double p50Ms, Double p99Ms,
                                    Double maxMs) {
}
