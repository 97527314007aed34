package io.gatehouse.audit;

import io.gatehouse.audit.bench.Bench;
import io.gatehouse.audit.bundle.VerifyBundle;
import io.gatehouse.audit.live.LiveLedger;
import io.gatehouse.audit.live.LiveLedgerUnavailable;
import io.gatehouse.audit.live.LogKey;
import io.gatehouse.audit.log.LogUnavailable;
import io.gatehouse.audit.replay.Replay;
import io.gatehouse.audit.verify.Verify;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * gatehouse-audit: the auditor's tool. Exit status 0 when everything checked is identical or intact, 1 when something
 * differs (the report says what), 2 when it could not check: a wrong command line, an unreachable broker or service.
 */
public final class Main {

    static final int IDENTICAL = 0;
    static final int DIFFERENT = 1;
    static final int CANNOT_CHECK = 2;

    private static final String BOOTSTRAP = "--bootstrap-servers";
    private static final String OUT = "--out";
    private static final String PUBLIC_KEY = "--public-key";
    private static final String EVIDENCE_URL = "--evidence-url";
    private static final String EVENTS = "--events";

    static final String USAGE = """
            usage: java -jar gatehouse-audit.jar COMMAND ...
              replay --bootstrap-servers HOST:PORT --out DIR (--public-key FILE | --evidence-url URL)
                  reads every domain topic, gatehouse.ledger and gatehouse.evidence from the beginning into an empty
                  store of its own (DIR), rebuilds the ledger's tree and every sealed bundle, and compares them with
                  what evidence-service published, file by file; writes DIR/tree.json, DIR/replay-report.json and
                  DIR/bundles/<subject>/seal-<n>/<bundle>
              verify --bootstrap-servers HOST:PORT --evidence-url URL [--public-key FILE]
                  compares the live ledger with the log and names the first altered, dropped, inserted or reordered
                  entry; checks the live tree against the latest checkpoint signed on the log, and the live
                  checkpoint's signature
              verify-bundle FILE.zip [--public-key FILE]
                  checks a sealed bundle offline: digests, checkpoint signature, inclusion proofs, artifacts
                  re-rendered from its events, a release's attestation
              bench --bootstrap-servers HOST:PORT [--events N] [--out DIR]
                  on a SCRATCH broker: writes a synthetic log of N domain events (default 100000) and times the
                  three commands on it
            --public-key FILE: the log's verifier key, as evidence-service publishes it at
            GET /v1/evidence/ledger/public-key; without it, verify trusts the key the audited service serves.
            Exit status: 0 identical/intact, 1 different, 2 could not check.""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.println(USAGE);
            return args.isEmpty() ? CANNOT_CHECK : IDENTICAL;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            switch (args.get(0)) {
                case "replay":
                    return replay(new Arguments(rest, Set.of(BOOTSTRAP, OUT, PUBLIC_KEY, EVIDENCE_URL)), out, err);
                case "verify":
                    return verify(new Arguments(rest, Set.of(BOOTSTRAP, EVIDENCE_URL, PUBLIC_KEY)), out, err);
                case "verify-bundle":
                    return verifyBundle(new Arguments(rest, Set.of(PUBLIC_KEY)), out);
                case "bench":
                    return bench(new Arguments(rest, Set.of(BOOTSTRAP, EVENTS, OUT)), out);
                default:
                    throw new Arguments.UsageError("unknown command " + args.get(0));
            }
        } catch (Arguments.UsageError e) {
            err.println("gatehouse-audit: " + e.getMessage());
            err.println(USAGE);
            return CANNOT_CHECK;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | LogUnavailable | LiveLedgerUnavailable e) {
            err.println("gatehouse-audit: " + e.getMessage());
            return CANNOT_CHECK;
        }
    }

    private static int replay(Arguments arguments, PrintStream out, PrintStream err) {
        noPlain(arguments);
        if (arguments.option(PUBLIC_KEY).isPresent() && arguments.option(EVIDENCE_URL).isPresent()) {
            throw new Arguments.UsageError("give the log's key either as " + PUBLIC_KEY + " or from " + EVIDENCE_URL + ", not both");
        }
        String bootstrapServers = arguments.required(BOOTSTRAP);
        Path store = Path.of(arguments.required(OUT));
        LogKey key = LogKey.of(arguments.path(PUBLIC_KEY), arguments.option(EVIDENCE_URL).map(LiveLedger::new));
        Replay.Result result = Replay.run(bootstrapServers, store, key, err);
        out.println(result.identical() ? "IDENTICAL" : "DIFFERENT");
        return result.identical() ? IDENTICAL : DIFFERENT;
    }

    private static int verify(Arguments arguments, PrintStream out, PrintStream err) {
        noPlain(arguments);
        String bootstrapServers = arguments.required(BOOTSTRAP);
        LiveLedger live = new LiveLedger(arguments.required(EVIDENCE_URL));
        LogKey key = LogKey.of(arguments.path(PUBLIC_KEY), Optional.of(live));
        Verify.Result result = Verify.run(bootstrapServers, live, key, err);
        out.println(result.intact() ? "INTACT" : "NOT INTACT");
        return result.intact() ? IDENTICAL : DIFFERENT;
    }

    private static int verifyBundle(Arguments arguments, PrintStream out) {
        if (arguments.plain().size() != 1) {
            throw new Arguments.UsageError("verify-bundle takes one bundle file");
        }
        Optional<LogKey> key = arguments.path(PUBLIC_KEY).map(file -> LogKey.of(Optional.of(file), Optional.empty()));
        VerifyBundle.Result result = VerifyBundle.run(Path.of(arguments.plain().get(0)), key.map(LogKey::key), out);
        return result.intact() ? IDENTICAL : DIFFERENT;
    }

    private static int bench(Arguments arguments, PrintStream out) {
        noPlain(arguments);
        int events;
        try {
            events = arguments.option(EVENTS).map(Integer::parseInt).orElse(Bench.DEFAULT_EVENTS);
        } catch (NumberFormatException e) {
            throw new Arguments.UsageError(EVENTS + " takes a whole number");
        }
        Path dir = arguments.path(OUT).orElseGet(Main::temporaryDirectory);
        Bench.Result result = Bench.run(arguments.required(BOOTSTRAP), events, dir, out);
        return result.clean() ? IDENTICAL : DIFFERENT;
    }

    private static void noPlain(Arguments arguments) {
        if (!arguments.plain().isEmpty()) {
            throw new Arguments.UsageError("unexpected argument " + arguments.plain().get(0));
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("gatehouse-audit-bench-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot make a directory for the bench: " + e.getMessage(), e);
        }
    }
}
