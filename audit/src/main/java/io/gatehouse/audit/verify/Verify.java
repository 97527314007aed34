package io.gatehouse.audit.verify;

import io.gatehouse.audit.ledger.LedgerRebuilder;
import io.gatehouse.audit.ledger.RebuiltLedger;
import io.gatehouse.audit.live.LiveEntry;
import io.gatehouse.audit.live.LiveLedger;
import io.gatehouse.audit.live.LogKey;
import io.gatehouse.audit.log.AuditedTopics;
import io.gatehouse.audit.log.ConsoleProgress;
import io.gatehouse.audit.log.LogReader;
import io.gatehouse.audit.log.LogSnapshot;
import io.gatehouse.audit.report.Difference;
import io.gatehouse.events.Topics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live tree against the log: the log is read and its ledger rebuilt, the live entries are read page by page, and
 * {@link LiveTreeAudit} compares them. Intact only when the log agrees with itself and the live tree with the log.
 */
public final class Verify {

    /** @param seconds from the first record asked for to the verdict */
    public record Result(boolean intact, long liveLeaves, double seconds) {
    }

    private Verify() {
    }

    public static Result run(String bootstrapServers, LiveLedger live, LogKey logKey, PrintStream console) {
        ConsoleProgress progress = new ConsoleProgress(console, "records");
        List<String> topics = new ArrayList<>(AuditedTopics.DOMAIN);
        topics.add(Topics.LEDGER);
        LogSnapshot log = LogReader.read(bootstrapServers, topics, progress);
        RebuiltLedger ledger = LedgerRebuilder.rebuild(log, logKey.key());
        String liveNote = live.checkpoint();
        List<LiveEntry> entries = live.entries(new ConsoleProgress(console, "live entries"));
        LiveTreeVerdict verdict = LiveTreeAudit.audit(ledger.leaves(), ledger.latestCheckpoint(), entries, liveNote, logKey.key(), live::consistencyProof);
        double seconds = progress.seconds();

        console.println("log's key: " + logKey.key().verifierKey() + " from " + logKey.source());
        console.printf(Locale.ROOT, "log: %,d leaves sequenced, root %s; latest signed checkpoint: %s%n", ledger.leaves().size(), ledger.rootHex(),
                ledger.latestCheckpoint().map(c -> "size " + c.size() + " (" + c.address() + ")").orElse("none"));
        console.printf(Locale.ROOT, "live: %,d entries at %s, compared in %.1f s%n", entries.size(), live.baseUrl(), seconds);
        if (verdict.liveAhead() > 0) {
            console.printf(Locale.ROOT, "lag (not tampering): %,d live entries are not on gatehouse.ledger yet%n", verdict.liveAhead());
        }
        verdict.firstBadLeaf().ifPresent(bad -> console.println("FIRST BAD LEAF: " + bad));
        for (Difference difference : ledger.differences()) {
            console.println("  the log itself: " + difference);
        }
        for (Difference difference : verdict.differences()) {
            console.println("  " + difference);
        }
        boolean intact = verdict.intact() && ledger.differences().isEmpty();
        console.println(intact ? "INTACT: the live tree is the log's, and extends its latest signed checkpoint" : "NOT INTACT");
        return new Result(intact, entries.size(), seconds);
    }
}
