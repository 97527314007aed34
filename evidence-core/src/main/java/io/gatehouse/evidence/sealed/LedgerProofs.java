package io.gatehouse.evidence.sealed;

import java.util.List;

/**
 * ledger-proofs.json: the inclusion proof of every event of a sealed bundle in the tree its checkpoint signs, hashes in
 * lowercase hex exactly as RFC 9162 section 2.1.3 defines them, so any RFC 6962 verifier checks them.
 *
 * @param entries in leaf order
 */
public record LedgerProofs(long treeSize, String rootHash, List<Entry> entries) {

    /**
     * @param leafHash SHA-256 of 0x00 and the event's canonical bytes (its events/ file)
     * @param hashes the audit path from the leaf to the root, nearest the leaf first
     */
    public record Entry(String eventId, long leafIndex, String leafHash, List<String> hashes) {
    }
}
