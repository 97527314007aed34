package io.gatehouse.evidence;

import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.ledger.HashChain;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * A subject's events as the ledger holds them, for the renderers' tests: the n-th appended has id {@code event-n}
 * and position {@code firstSeq + n}, each chained to the one before. An event's hash stands for its canonical bytes
 * and depends on its id and type only, so the chain is the same in every JVM.
 */
public final class SyntheticLedger {

    private final long firstSeq;
    private final List<LedgerEvent> events = new ArrayList<>();

    public SyntheticLedger(long firstSeq) {
        this.firstSeq = firstSeq;
    }

    /** Appends the event as happened at {@code time}; returns its ledger entry. */
    public LedgerEvent append(Instant time, SpecificRecord event) {
        int n = events.size() + 1;
        String eventId = "event-" + n;
        String type = event.getSchema().getFullName();
        String sha256 = HashChain.sha256((eventId + " " + type).getBytes(StandardCharsets.UTF_8));
        String previous = events.isEmpty() ? HashChain.GENESIS : events.get(events.size() - 1).entryHash();
        LedgerEvent recorded = new LedgerEvent(firstSeq + n, eventId, type, time, sha256, HashChain.link(previous, sha256), event);
        events.add(recorded);
        return recorded;
    }

    public List<LedgerEvent> events() {
        return List.copyOf(events);
    }
}
