package io.gatehouse.bench.evidence;

/**
 * Ledger entries appended per second from a storm's first post until evidence-service caught up, and the seconds from
 * the storm's last post until it had (null when it did not within the wait).
 */
public record LedgerResult(Double appendsPerSec, Double lagSecondsAfterStorm) {
}
