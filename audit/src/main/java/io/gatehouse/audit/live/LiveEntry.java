package io.gatehouse.audit.live;

/**
 * One entry of the live ledger, as {@code GET /v1/evidence/ledger/entries} serves it.
 *
 * @param canonical the entry's stored canonical bytes
 * @param leafHash the leaf hash the live tree holds for it, lowercase hex
 */
public record LiveEntry(long leafIndex, String eventId, String subject, String topic, int partition, long offset, String leafHash,
                        byte[] canonical) {
}
