package io.gatehouse.evidence.artifacts;

/** A ledger entry whose canonical bytes no longer hold a readable event: the ledger was altered outside Gatehouse. */
public class UnreadableLedgerEntry extends RuntimeException {

    private final long seq;

    UnreadableLedgerEntry(long seq, String problem) {
        super("ledger entry " + seq + " cannot be read: " + problem);
        this.seq = seq;
    }

    public long seq() {
        return seq;
    }
}
