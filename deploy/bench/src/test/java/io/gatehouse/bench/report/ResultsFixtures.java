package io.gatehouse.bench.report;

import io.gatehouse.bench.evidence.LedgerResult;
import io.gatehouse.bench.footprint.ServiceFootprint;
import io.gatehouse.bench.intake.IntakeResult;
import io.gatehouse.bench.latency.SeverityLatencyResult;
import io.gatehouse.bench.raw.RawResult;
import io.gatehouse.bench.storm.StormResult;
import io.gatehouse.bench.webhook.WebhookResult;
import java.util.List;

/** Results of a run, measured or not. */
final class ResultsFixtures {

    static final Machine MACHINE = new Machine(2, "17.0.15", "abc1234", "2026-12-01T06:00:00Z");

    private ResultsFixtures() {
    }

    /** Every phase measured: raw 100,000 records/s, intake 25,000 alerts/s. */
    static BenchResults measured() {
        return new BenchResults(MACHINE, false,
                new RawResult(200_000, 150_000, 2.0),
                new IntakeResult(100_000, 100_000, 4.0, true),
                new WebhookResult(90_000, 0, null, 15.0, 2.5, 18.25, 40.0),
                new SeverityLatencyResult(10_000, 1_000, 10_000, 0, 0, 12.0, 45.5, 80.0),
                new StormResult(1_000, 100_000, 100_000, 0, 1_000, 100_000, 0, 18.0, 10.0, true, 10_000, null, null, 0),
                new StormResult(1, 100_000, 100_000, 0, 1, 99_000, 1_000, 310.0, 10.0, false, 10_000, 4_000.0, 3_900.0, 0),
                new LedgerResult(12_000.0, 6.5),
                List.of(new ServiceFootprint("intake-service", 2.4, 120.0, 250.0), new ServiceFootprint("incident-service", 3.5, 150.0, 310.0)),
                List.of());
    }

    /** Nothing measured: every phase failed. */
    static BenchResults failed() {
        return new BenchResults(MACHINE, true, null, null, null, null, null, null, null, List.of(),
                List.of("1/7 raw limit failed: the broker is gone"));
    }
}
