package io.gatehouse.evidence;

import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.evidence.log.MerkleHashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * A subject's events as the ledger holds them, for the renderers' tests: the n-th appended has id {@code event-n}
 * and position {@code firstSeq + n}. Its hashes stand for those of its canonical bytes and depend on its id and type
 * only, so they are the same in every JVM.
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
        byte[] standIn = (eventId + " " + type).getBytes(StandardCharsets.UTF_8);
        LedgerEvent recorded = new LedgerEvent(firstSeq + n, eventId, type, time, HashChain.sha256(standIn), MerkleHashes.leafHex(standIn), event);
        events.add(recorded);
        return recorded;
    }

    public List<LedgerEvent> events() {
        return List.copyOf(events);
    }
}
