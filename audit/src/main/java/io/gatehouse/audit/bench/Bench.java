package io.gatehouse.audit.bench;

import io.gatehouse.audit.bundle.VerifyBundle;
import io.gatehouse.audit.live.LiveLedger;
import io.gatehouse.audit.live.LogKey;
import io.gatehouse.audit.log.Address;
import io.gatehouse.audit.replay.Replay;
import io.gatehouse.audit.verify.Verify;
import io.gatehouse.evidence.log.NoteKey;
import io.gatehouse.evidence.sealed.SealedBundle;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a synthetic log of {@code events} domain events to a scratch broker, with its sequence, checkpoints and seals
 * signed by a throwaway key, then times the three tools on it as an auditor runs them: replay, verify (against a
 * stand-in of evidence-service's ledger endpoints serving the same ledger) and verify-bundle on the incident's bundle.
 */
public final class Bench {

    public static final int DEFAULT_EVENTS = 100_000;
    static final String ORIGIN = "gatehouse.bench/ledger";

    /** What was measured; every tool's verdict must be clean for the numbers to mean anything. */
    public record Result(boolean clean, long eventsReplayed, double replaySeconds, long recordsReplayed, double verifySeconds,
                         double verifyBundleSeconds, long bundleBytes, long proofsBytes) {

        public double eventsPerSecond() {
            return eventsReplayed / replaySeconds;
        }
    }

    private Bench() {
    }

    public static Result run(String bootstrapServers, int events, Path out, PrintStream console) {
        ScratchTopics.prepare(bootstrapServers);
        NoteKey logKey = NoteKey.generate(ORIGIN);
        Path publicKey = out.resolve("public-key");
        try {
            Files.createDirectories(out);
            Files.writeString(publicKey, logKey.verifierKey() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out, e);
        }

        long started = System.nanoTime();
        List<DomainEvent> log = SyntheticEvents.log(events);
        LedgerPublisher publisher;
        SealedBundle incidentSeal = null;
        try (KafkaLogWriter writer = new KafkaLogWriter(bootstrapServers)) {
            List<CompletableFuture<Address>> written = new ArrayList<>(log.size());
            log.forEach(e -> written.add(writer.write(e.topic(), e.attributes(), e.value())));
            writer.flush();
            publisher = new LedgerPublisher(writer, logKey);
            for (int i = 0; i < log.size(); i++) {
                Optional<SealedBundle> seal = publisher.record(log.get(i), written.get(i).join());
                if (seal.isPresent()) {
                    publisher.publishSeal(seal.get().manifestSealedEvent(), seal.get().bundleBuiltEvent());
                    incidentSeal = seal.get().protocol() == 17 ? seal.get() : incidentSeal;
                }
            }
            publisher.checkpoint();
            writer.flush();
        }
        console.printf(Locale.ROOT, "== wrote %,d domain events, their sequence, checkpoints and seals in %.1f s%n", events, seconds(started));
        if (incidentSeal == null) {
            throw new IllegalStateException("the synthetic log has no sealed incident");
        }

        console.println("== replay");
        LogKey trusted = LogKey.of(Optional.of(publicKey), Optional.empty());
        Replay.Result replay = Replay.run(bootstrapServers, out.resolve("replay"), trusted, console);

        console.println("== verify");
        Verify.Result verify;
        try (LedgerStandIn live = new LedgerStandIn(publisher.entries(), publisher.latestNote(), logKey.verifierKey())) {
            verify = Verify.run(bootstrapServers, new LiveLedger(live.url()), trusted, console);
        }

        console.println("== verify-bundle");
        Path bundle = out.resolve("replay").resolve(Replay.bundleFile(incidentSeal));
        VerifyBundle.Result verified = VerifyBundle.run(bundle, Optional.of(logKey.verifierOnly()), console);
        long proofsBytes = incidentSeal.files().stream().filter(f -> f.name().equals(SealedBundle.LEDGER_PROOFS)).mapToLong(SealedBundle.SealedFile::sizeBytes)
                .sum();

        Result result = new Result(replay.identical() && verify.intact() && verified.intact(), replay.leaves(), replay.seconds(), replay.recordsRead(),
                verify.seconds(), verified.seconds(), incidentSeal.zip().length, proofsBytes);
        console.println();
        console.printf(Locale.ROOT, "replay:        %,d domain events (%,d records) in %.1f s: %,.0f events/s%s%n", result.eventsReplayed(),
                result.recordsReplayed(), result.replaySeconds(), result.eventsPerSecond(), replay.identical() ? "" : " (NOT IDENTICAL)");
        console.printf(Locale.ROOT, "verify:        %,d live entries against the log in %.1f s%s%n", verify.liveLeaves(), result.verifySeconds(),
                verify.intact() ? "" : " (NOT INTACT)");
        console.printf(Locale.ROOT, "verify-bundle: %s (%,d bytes, ledger-proofs.json %,d bytes) in %.3f s%s%n", incidentSeal.bundleName(),
                result.bundleBytes(), result.proofsBytes(), result.verifyBundleSeconds(), verified.intact() ? "" : " (NOT INTACT)");
        return result;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
