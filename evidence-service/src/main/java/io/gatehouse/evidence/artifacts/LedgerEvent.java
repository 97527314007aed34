package io.gatehouse.evidence.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.events.codec.EventCodecException;
import io.gatehouse.evidence.ledger.LedgerEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event of a subject as the ledger holds it: its CloudEvents attributes, its hashes, and the Avro body decoded
 * from the canonical bytes (never from anything the ledger did not hash).
 *
 * @param seq the ledger position
 * @param time the CloudEvents time: when the fact happened
 * @param sha256 SHA-256 of the canonical bytes
 */
public record LedgerEvent(long seq, String eventId, String type, Instant time, String sha256, String entryHash, SpecificRecord event) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static LedgerEvent of(LedgerEntry entry) {
        SpecificRecord event;
        try {
            event = EventCodec.decode(dataOf(entry));
        } catch (EventCodecException | IllegalArgumentException e) {
            throw new UnreadableLedgerEntry(entry.seq, e.getMessage());
        }
        return new LedgerEvent(entry.seq, entry.eventId, entry.type, entry.time, entry.eventSha256, entry.entryHash, event);
    }

    private static byte[] dataOf(LedgerEntry entry) {
        JsonNode data;
        try {
            data = JSON.readTree(entry.canonical).path("data_base64");
        } catch (IOException e) {
            throw new UnreadableLedgerEntry(entry.seq, "its canonical bytes are not CloudEvents JSON");
        }
        if (!data.isTextual()) {
            throw new UnreadableLedgerEntry(entry.seq, "its canonical bytes have no data_base64");
        }
        return Base64.getDecoder().decode(data.asText());
    }

    /** The body as {@code type}, or null when it is another event. */
    public <T extends SpecificRecord> T as(Class<T> type) {
        return type.isInstance(event) ? type.cast(event) : null;
    }
}
