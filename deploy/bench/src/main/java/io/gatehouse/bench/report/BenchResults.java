package io.gatehouse.bench.report;

import io.gatehouse.bench.evidence.LedgerResult;
import io.gatehouse.bench.footprint.ServiceFootprint;
import io.gatehouse.bench.intake.IntakeResult;
import io.gatehouse.bench.latency.SeverityLatencyResult;
import io.gatehouse.bench.raw.RawResult;
import io.gatehouse.bench.storm.StormResult;
import io.gatehouse.bench.webhook.WebhookResult;
import java.util.List;

/**
 * Everything one run measured. A phase that failed or was not run leaves its result null, and {@code notes} says
 * why; the run still writes what it has.
 *
 * @param quick whether the volumes were the small ones of {@code --quick}
 */
public record BenchResults(Machine machine, boolean quick, RawResult raw, IntakeResult intake, WebhookResult webhook,
                           SeverityLatencyResult severity, StormResult storm, StormResult stormOneKey, LedgerResult ledger,
                           List<ServiceFootprint> services, List<String> notes) {

    /** Intake's share of the raw pass-through, or null without both. */
    public Double intakeRatio() {
        return raw == null || intake == null ? null : intake.perSec() / raw.passThroughPerSec();
    }
}
