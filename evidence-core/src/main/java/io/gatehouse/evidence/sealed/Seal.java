package io.gatehouse.evidence.sealed;

/**
 * A seal decided before rendering: the subject's n-th final point, and the signed checkpoint of size
 * triggerLeafIndex + 1.
 *
 * @param number the subject's seal number, from 1, in the order its final points were recorded
 * @param triggerEventId the event that made the point final; the seal covers the subject's events up to and including it
 * @param checkpointNote the signed note of the tree that ends with the trigger, byte for byte as the log signed it
 */
public record Seal(String subject, int number, String triggerEventId, long triggerLeafIndex, String checkpointNote) {

    /** The tree the seal's checkpoint and proofs are for: every leaf up to and including the trigger. */
    public long treeSize() {
        return triggerLeafIndex + 1;
    }
}
