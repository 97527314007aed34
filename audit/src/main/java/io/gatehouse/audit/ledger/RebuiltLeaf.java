package io.gatehouse.audit.ledger;

import io.gatehouse.audit.log.Address;
import java.time.Instant;

/**
 * One leaf of the ledger as the log gives it.
 *
 * @param address the domain record the sequence names for this leaf
 * @param type the event's CloudEvents type; null when the log holds no readable event there
 * @param time the event's CloudEvents time; null when the log holds no readable event there
 * @param canonical the bytes the leaf hashes, rebuilt from the record; null when the log holds no readable event there
 * @param leafHash the leaf's hash from {@code canonical}, else the one the sequence records
 */
public record RebuiltLeaf(long leafIndex, String eventId, String subject, String type, Instant time, Address address, byte[] canonical,
                          String leafHash) {

    /** Whether the log holds this leaf's event, so that its bytes are rebuilt rather than taken from the sequence. */
    public boolean rebuilt() {
        return canonical != null;
    }
}
