package io.gatehouse.audit.ledger;

import io.gatehouse.audit.log.Address;
import io.gatehouse.evidence.log.Checkpoint;

/** A checkpoint published on gatehouse.ledger whose note the log's key signed. */
public record LogCheckpoint(Checkpoint checkpoint, String note, Address address) {

    public long size() {
        return checkpoint.size();
    }
}
