package io.gatehouse.bench;

import io.gatehouse.bench.evidence.LedgerResult;
import io.gatehouse.bench.evidence.LedgerWatch;
import io.gatehouse.bench.footprint.MemorySampler;
import io.gatehouse.bench.footprint.ServiceFootprint;
import io.gatehouse.bench.footprint.ServiceProcess;
import io.gatehouse.bench.intake.IntakeResult;
import io.gatehouse.bench.intake.IntakeThroughput;
import io.gatehouse.bench.latency.AlertToSeverity;
import io.gatehouse.bench.latency.SeverityLatencyResult;
import io.gatehouse.bench.payload.AlertmanagerPayloads;
import io.gatehouse.bench.raw.RawPassThrough;
import io.gatehouse.bench.raw.RawResult;
import io.gatehouse.bench.report.BenchResults;
import io.gatehouse.bench.report.Machine;
import io.gatehouse.bench.report.Reports;
import io.gatehouse.bench.stack.ConsumerGroups;
import io.gatehouse.bench.stack.Stack;
import io.gatehouse.bench.stack.StackDrain;
import io.gatehouse.bench.storm.Storm;
import io.gatehouse.bench.storm.StormResult;
import io.gatehouse.bench.webhook.WebhookResult;
import io.gatehouse.bench.webhook.WebhookThroughput;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * gatehouse-bench.jar: runs the phases of issue #9 against a running stack, in order, waiting between them until the
 * stack has worked off what the last one sent, and writes {@code latest.json} and {@code latest.md}. A phase that fails
 * is reported and the run goes on; the results are written whatever happened. The launcher
 * ({@code deploy/local/gatehouse bench}) starts the stack, passes its addresses and the services' pids, and stops it.
 */
public final class Main {

    /** The services whose consumer groups must be drained between phases. */
    private static final String[] DRAINED_SERVICES = {"intake-service", "incident-service", "evidence-service"};

    private final List<String> notes = new ArrayList<>();

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("gatehouse-bench: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new Main().run(options));
    }

    int run(Options options) {
        Volumes volumes = options.quick() ? Volumes.quick() : Volumes.full();
        Stack stack = options.stack();
        Map<String, Set<String>> groups = ConsumerGroups.of(stack.root(), DRAINED_SERVICES);
        System.out.println("Consumer groups drained between phases: " + groups);
        // Fingerprints unique to this run: a stack that is not empty never mistakes an earlier run's alert for one of these.
        AlertmanagerPayloads payloads = new AlertmanagerPayloads(HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt()));
        RawResult raw = null;
        IntakeResult intake = null;
        WebhookResult webhook = null;
        SeverityLatencyResult severity = null;
        StormResult storm = null;
        StormResult oneKey = null;
        LedgerResult ledger = null;
        List<ServiceFootprint> footprints;
        try (MemorySampler memory = MemorySampler.start(options.services());
             StackDrain drain = new StackDrain(stack, groups)) {
            drain(drain, "the raw pass-through", volumes);
            raw = phase("1/7 raw limit", () -> new RawPassThrough(stack, payloads).run(volumes.rawRecords()));

            intake = phase("2/7 intake", () -> new IntakeThroughput(stack, payloads, volumes.settleLimit()).run(volumes.intakeAlerts()));
            drain(drain, "the webhook phase", volumes);

            webhook = phase("3/7 webhook", () -> new WebhookThroughput(stack, payloads).run(volumes.webhookDuration(), volumes.connections()));
            drain(drain, "alert to severity", volumes);

            severity = phase("4/7 alert to severity", () -> new AlertToSeverity(stack, payloads, volumes.settleLimit())
                    .run(volumes.severityRatePerSec(), volumes.severityDuration(), volumes.connections()));
            drain(drain, "the storm", volumes);

            Storm storms = new Storm(stack, payloads, volumes.stormLimit());
            LedgerWatch ledgerWatch = new LedgerWatch(stack.evidenceUrl(), drain);
            boolean watching = phase("6/7 evidence: the ledger head before the storm", () -> {
                ledgerWatch.start();
                return true;
            }) != null;
            storm = phase("5/7 storm", () -> storms.run("storm", "bench-storm", volumes.stormKeys(), volumes.stormAlerts(),
                    volumes.alertsPerPost(), volumes.connections(), volumes.rateWindow()));
            if (watching && storm != null) {
                long lastPost = storm.lastPostNanos();
                ledger = phase("6/7 evidence during the storm", () -> ledgerWatch.awaitCaughtUp(lastPost, volumes.ledgerLimit()));
            }
            drain(drain, "the one-key storm", volumes);

            oneKey = phase("5/7 one-key storm", () -> storms.run("one-key storm", "bench-storm-one-key", 1, volumes.oneKeyStormAlerts(),
                    volumes.alertsPerPost(), volumes.connections(), volumes.rateWindow()));
            memory.close();
            footprints = memory.footprints();
        }
        Machine machine = new Machine(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), options.commit(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        BenchResults results = new BenchResults(machine, options.quick(), raw, intake, webhook, severity, storm, oneKey, ledger, footprints, notes);
        String table = Reports.write(results, options.resultsDir());
        System.out.println();
        System.out.println(table);
        return notes.stream().anyMatch(note -> note.contains(" failed: ")) ? 1 : 0;
    }

    private <T> T phase(String name, Supplier<T> body) {
        System.out.println();
        System.out.println("== " + name);
        try {
            return body.get();
        } catch (RuntimeException e) {
            String note = name + " failed: " + e.getMessage();
            notes.add(note);
            System.out.println("  " + note);
            e.printStackTrace(System.err);
            return null;
        }
    }

    private void drain(StackDrain drain, String before, Volumes volumes) {
        try {
            if (!drain.await(before, volumes.drainLimit())) {
                notes.add("the stack had not drained after " + volumes.drainLimit().toSeconds() + " s before " + before
                        + ", which then ran against a busy stack");
            }
        } catch (RuntimeException e) {
            notes.add("reading the consumer groups' lag before " + before + " failed: " + e.getMessage());
        }
    }

    /** The command line, as the launcher gives it. */
    record Options(Stack stack, List<ServiceProcess> services, Path resultsDir, String commit, boolean quick) {

        static final String USAGE = """
                usage: java -jar gatehouse-bench.jar --bootstrap-servers HOST:PORT --db-url JDBC_URL [--db-user USER] [--db-password PASSWORD]
                         --intake-url URL --evidence-url URL --root CHECKOUT --results DIR [--commit SHA]
                         [--service NAME=PID:START_SECONDS ...] [--quick]""";

        static Options parse(List<String> args) {
            Map<String, String> values = new HashMap<>();
            List<ServiceProcess> services = new ArrayList<>();
            boolean quick = false;
            Set<String> known = Set.of("--bootstrap-servers", "--db-url", "--db-user", "--db-password", "--intake-url", "--evidence-url", "--root",
                    "--results", "--commit");
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--quick")) {
                    quick = true;
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                String value = args.get(++i);
                if (arg.equals("--service")) {
                    services.add(ServiceProcess.parse(value));
                } else if (!known.contains(arg)) {
                    throw new IllegalArgumentException("unknown option " + arg);
                } else if (values.put(arg, value) != null) {
                    throw new IllegalArgumentException(arg + " is given twice");
                }
            }
            Stack stack = new Stack(required(values, "--bootstrap-servers"), required(values, "--db-url"), values.getOrDefault("--db-user", "postgres"),
                    values.getOrDefault("--db-password", ""), URI.create(required(values, "--intake-url")), URI.create(required(values, "--evidence-url")),
                    Path.of(required(values, "--root")));
            return new Options(stack, services, Path.of(required(values, "--results")), values.getOrDefault("--commit", "unknown"), quick);
        }

        private static String required(Map<String, String> values, String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException(name + " is required");
            }
            return value;
        }
    }
}
