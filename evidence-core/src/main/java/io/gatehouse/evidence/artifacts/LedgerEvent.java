package io.gatehouse.evidence.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.events.codec.EventCodecException;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.evidence.log.MerkleHashes;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event of a subject as the ledger holds it: its CloudEvents attributes, its hashes, and the Avro body decoded
 * from the canonical bytes (never from anything the ledger did not hash).
 *
 * @param seq the ledger position: its leaf index plus one
 * @param time the CloudEvents time: when the fact happened
 * @param sha256 SHA-256 of the canonical bytes
 * @param leafHash the event's leaf in the ledger's Merkle tree, SHA-256 of 0x00 and the canonical bytes
 */
public record LedgerEvent(long seq, String eventId, String type, Instant time, String sha256, String leafHash, SpecificRecord event) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param canonical the bytes the ledger hashed (see {@link io.gatehouse.evidence.log.CanonicalEvent}); the body is
     *     decoded from them and nothing else
     */
    public static LedgerEvent of(long seq, String eventId, String type, Instant time, byte[] canonical) {
        SpecificRecord event;
        try {
            event = EventCodec.decode(dataOf(seq, canonical));
        } catch (EventCodecException | IllegalArgumentException e) {
            throw new UnreadableLedgerEntry(seq, e.getMessage());
        }
        return new LedgerEvent(seq, eventId, type, time, HashChain.sha256(canonical), MerkleHashes.leafHex(canonical), event);
    }

    /** The ledger position as a leaf index of the Merkle tree, counted from 0. */
    public long leafIndex() {
        return seq - 1;
    }

    private static byte[] dataOf(long seq, byte[] canonical) {
        JsonNode data;
        try {
            data = JSON.readTree(canonical).path("data_base64");
        } catch (IOException e) {
            throw new UnreadableLedgerEntry(seq, "its canonical bytes are not CloudEvents JSON");
        }
        if (!data.isTextual()) {
            throw new UnreadableLedgerEntry(seq, "its canonical bytes have no data_base64");
        }
        return Base64.getDecoder().decode(data.asText());
    }

    /** The body as {@code type}, or null when it is another event. */
    public <T extends SpecificRecord> T as(Class<T> type) {
        return type.isInstance(event) ? type.cast(event) : null;
    }
}
