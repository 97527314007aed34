package io.gatehouse.audit.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.audit.ledger.LedgerRebuilder;
import io.gatehouse.audit.ledger.RebuiltLedger;
import io.gatehouse.audit.live.LogKey;
import io.gatehouse.audit.log.AuditedTopics;
import io.gatehouse.audit.log.ConsoleProgress;
import io.gatehouse.audit.log.LogReader;
import io.gatehouse.audit.log.LogSnapshot;
import io.gatehouse.audit.report.Difference;
import io.gatehouse.audit.report.JsonReport;
import io.gatehouse.events.Topics;
import io.gatehouse.evidence.sealed.SealedBundle;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the whole log into an empty store of its own (memory and the output directory), rebuilds the ledger and every
 * seal, and compares them with what evidence-service published. Writes each rebuilt bundle, {@code tree.json} and
 * {@code replay-report.json}; writes nothing anywhere else, least of all to the broker.
 */
public final class Replay {

    public static final String TREE = "tree.json";
    public static final String REPORT = "replay-report.json";
    public static final String BUNDLES = "bundles";

    /**
     * @param identical whether everything rebuilt is what was published; lag does not count against it
     * @param recordsRead records of every audited topic
     * @param seconds from the first record asked for to the report written
     */
    public record Result(boolean identical, long recordsRead, long leaves, double seconds) {
    }

    private Replay() {
    }

    /**
     * @throws IllegalArgumentException when {@code out} is not an empty directory (or absent)
     */
    public static Result run(String bootstrapServers, Path out, LogKey logKey, PrintStream console) {
        requireEmpty(out);
        ConsoleProgress progress = new ConsoleProgress(console, "records");
        List<String> topics = new ArrayList<>(AuditedTopics.DOMAIN);
        topics.add(Topics.LEDGER);
        topics.add(Topics.EVIDENCE);
        LogSnapshot log = LogReader.read(bootstrapServers, topics, progress);
        double read = progress.seconds();
        console.printf(Locale.ROOT, "read %,d records in %.1f s; rebuilding the ledger%n", log.recordCount(), read);
        RebuiltLedger ledger = LedgerRebuilder.rebuild(log, logKey.key());
        double rebuilt = progress.seconds();
        console.printf(Locale.ROOT, "rebuilt %,d leaves in %.1f s; sealing again%n", ledger.leaves().size(), rebuilt - read);
        SealReplay seals = SealRebuilder.replay(ledger, log.records(Topics.EVIDENCE), logKey.key());
        console.printf(Locale.ROOT, "sealed %d seal(s) again in %.1f s%n", seals.seals().size(), progress.seconds() - rebuilt);

        List<Difference> differences = new ArrayList<>(ledger.differences());
        differences.addAll(seals.differences());
        seals.seals().forEach(s -> differences.addAll(s.differences()));
        ObjectNode report = report(ledger, seals, differences, logKey, log.recordCount());
        for (SealOutcome seal : seals.seals()) {
            seal.rebuilt().ifPresent(bundle -> write(out, bundle));
        }
        JsonReport.write(out.resolve(TREE), JsonReport.object().put("origin", ledger.origin()).put("size", ledger.tree().size())
                .put("rootHash", ledger.rootHex()));
        JsonReport.write(out.resolve(REPORT), report);
        double seconds = progress.seconds();
        summary(console, ledger, seals, differences, log.recordCount(), seconds, out);
        return new Result(differences.isEmpty(), log.recordCount(), ledger.leaves().size(), seconds);
    }

    private static ObjectNode report(RebuiltLedger ledger, SealReplay seals, List<Difference> differences, LogKey logKey, long recordsRead) {
        ObjectNode report = JsonReport.object();
        report.put("identical", differences.isEmpty());
        report.put("recordsRead", recordsRead);
        report.putObject("publicKey").put("key", logKey.key().verifierKey()).put("source", logKey.source());
        report.putObject("tree").put("origin", ledger.origin()).put("size", ledger.tree().size()).put("rootHash", ledger.rootHex());
        ObjectNode checkpoints = report.putObject("checkpoints").put("signed", ledger.checkpoints().size());
        ledger.latestCheckpoint().ifPresent(c -> checkpoints.putObject("latest").put("size", c.size()).put("rootHash", c.checkpoint().rootHex())
                .put("record", c.address().toString()));
        ArrayNode sealed = report.putArray("seals");
        for (SealOutcome seal : seals.seals()) {
            ObjectNode entry = sealed.addObject().put("subject", seal.subject()).put("seal", seal.seal()).put("identical", seal.identical());
            seal.rebuilt().ifPresent(b -> entry.put("bundle", bundleFile(b)).put("sha256", b.sha256()).put("sizeBytes", b.zip().length));
            entry.set("differences", JsonReport.differences(seal.differences()));
        }
        ObjectNode lag = report.putObject("lag");
        lag.put("unrecordedEvents", ledger.unrecorded());
        ArrayNode unsealed = lag.putArray("unsealedFinalPoints");
        seals.unsealed().forEach(p -> unsealed.addObject().put("subject", p.subject()).put("triggerEventId", p.triggerEventId())
                .put("leafIndex", p.leafIndex()));
        lag.put("sealsWithoutBundleEvent", seals.seals().stream().filter(s -> !s.bundleBuilt()).count());
        report.put("unrecordableDomainRecords", ledger.unrecordable());
        report.set("differences", JsonReport.differences(differences));
        return report;
    }

    /** Where a rebuilt bundle is written, relative to the output directory. */
    public static String bundleFile(SealedBundle bundle) {
        return BUNDLES + "/" + directoryName(bundle.subject()) + "/seal-" + bundle.seal() + "/" + bundle.bundleName();
    }

    private static void write(Path out, SealedBundle bundle) {
        Path file = out.resolve(bundleFile(bundle));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bundle.zip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A subject id as one directory name: anything but letters, digits, '-', '_' and an inner '.' is percent-encoded. */
    static String directoryName(String subject) {
        StringBuilder name = new StringBuilder();
        byte[] bytes = subject.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_' || (b == '.' && i > 0);
            name.append(plain ? String.valueOf((char) b) : String.format(Locale.ROOT, "%%%02X", b));
        }
        return name.length() == 0 ? "%" : name.toString();
    }

    private static void requireEmpty(Path out) {
        try {
            if (Files.exists(out)) {
                if (!Files.isDirectory(out)) {
                    throw new IllegalArgumentException(out + " is not a directory");
                }
                try (Stream<Path> entries = Files.list(out)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(out + " is not empty: a replay writes into an empty directory of its own");
                    }
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + out + " as the replay's store", e);
        }
    }

    private static void summary(PrintStream console, RebuiltLedger ledger, SealReplay seals, List<Difference> differences, long recordsRead,
                                double seconds, Path out) {
        console.printf(Locale.ROOT, "replayed %,d records in %.1f s (%,.0f records/s): %,d leaves (%,.0f leaves/s)%n", recordsRead, seconds,
                recordsRead / Math.max(seconds, 1e-9), ledger.leaves().size(), ledger.leaves().size() / Math.max(seconds, 1e-9));
        console.printf(Locale.ROOT, "tree: %,d leaves, root %s; %d signed checkpoint(s)%n", ledger.tree().size(), ledger.rootHex(), ledger.checkpoints().size());
        long identical = seals.seals().stream().filter(SealOutcome::identical).count();
        console.printf(Locale.ROOT, "seals: %d sealed again, %d identical%n", seals.seals().size(), identical);
        if (ledger.unrecorded() > 0 || !seals.unsealed().isEmpty()) {
            console.printf(Locale.ROOT, "lag (not tampering): %,d well-formed event(s) not in the tree yet; %d final point(s) not sealed yet%n",
                    ledger.unrecorded(), seals.unsealed().size());
            seals.unsealed().forEach(p -> console.printf(Locale.ROOT, "  unsealed: %s, final point at leaf %d (event %s)%n", p.subject(),
                    p.leafIndex(), p.triggerEventId()));
        }
        if (differences.isEmpty()) {
            console.println("IDENTICAL: everything rebuilt from the log is what evidence-service published");
        } else {
            console.printf(Locale.ROOT, "DIFFERENT: %d difference(s)%n", differences.size());
            differences.forEach(d -> console.println("  " + d));
        }
        console.println("report: " + out.resolve(REPORT));
    }
}
