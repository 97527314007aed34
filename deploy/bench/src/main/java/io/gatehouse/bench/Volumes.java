package io.gatehouse.bench;

import java.time.Duration;

/**
 * How much each phase sends, and how long the bench waits for the stack before it gives up. The full volumes are
 * those of issue #9; {@code --quick} runs every phase with about a tenth of them, for trying the bench out.
 */
record Volumes(int rawRecords, int intakeAlerts, Duration webhookDuration, int severityRatePerSec, Duration severityDuration,
               int stormAlerts, int stormKeys, int oneKeyStormAlerts, int alertsPerPost, int connections, long rateWindow,
               Duration drainLimit, Duration settleLimit, Duration stormLimit, Duration ledgerLimit) {

    static Volumes full() {
        return new Volumes(200_000, 100_000, Duration.ofSeconds(15), 1_000, Duration.ofSeconds(10),
                100_000, 1_000, 100_000, 10, 32, 10_000,
                Duration.ofMinutes(3), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(2));
    }

    static Volumes quick() {
        return new Volumes(20_000, 10_000, Duration.ofSeconds(5), 1_000, Duration.ofSeconds(1),
                10_000, 100, 10_000, 10, 32, 1_000,
                Duration.ofSeconds(90), Duration.ofSeconds(60), Duration.ofMinutes(2), Duration.ofSeconds(60));
    }
}
