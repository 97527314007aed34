package io.gatehouse.evidence.ledger;

/**
 * Fired, synchronously and inside the appending transaction, for each new ledger entry: what observers derive from it
 * (a seal) commits or rolls back with the entry itself, while the head is still held.
 */
public record EntryAppended(LedgerEntry entry) {
}
