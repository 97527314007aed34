package io.gatehouse.evidence.manifest;

import io.gatehouse.evidence.ledger.Ledger;
import io.gatehouse.evidence.ledger.LedgerEntry;
import java.time.Instant;
import java.util.List;

/**
 * What the ledger holds about one subject (a release or an incident): its events in ledger order, each with the
 * SHA-256 of its canonical bytes and its entry hash, and the chain head they are anchored in.
 */
public record SubjectManifest(String subject, int eventCount, List<RecordedEvent> events, Ledger.Head chainHead) {

    public record RecordedEvent(long seq, String eventId, String type, String source, Instant time, String topic,
                                String sha256, long sizeBytes, String entryHash) {

        static RecordedEvent of(LedgerEntry entry) {
            return new RecordedEvent(entry.seq, entry.eventId, entry.type, entry.source, entry.time, entry.topic,
                    entry.eventSha256, entry.canonical.length, entry.entryHash);
        }
    }

    static SubjectManifest of(String subject, List<LedgerEntry> entries, Ledger.Head head) {
        return new SubjectManifest(subject, entries.size(), entries.stream().map(RecordedEvent::of).toList(), head);
    }
}
