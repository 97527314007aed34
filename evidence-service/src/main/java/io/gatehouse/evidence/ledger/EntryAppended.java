package io.gatehouse.evidence.ledger;

import org.apache.avro.specific.SpecificRecord;

/**
 * Fired, synchronously and inside the appending transaction, for each new ledger entry in leaf order: what observers
 * derive from it (a seal) commits or rolls back with the entry itself, while the head is still held. The entries
 * appended after it in the same batch are written already; an observer reads the ledger only up to this entry, as if it
 * were the newest.
 *
 * @param body the event's body, as decoded when the record was checked, so observers need not decode it again
 */
public record EntryAppended(LedgerEntry entry, SpecificRecord body) {
}
