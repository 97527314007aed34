package io.gatehouse.evidence.ledger;

import io.gatehouse.evidence.log.HashChain;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Walks the whole ledger from its first entry and recomputes every hash; the first entry whose stored bytes,
 * event hash, link to its predecessor or position does not check out is named.
 */
@ApplicationScoped
public class LedgerVerifier {

    private static final int PAGE = 500;

    /** The outcome: how many entries were checked, and the first bad one if any. */
    public record Verification(boolean intact, long entriesChecked, Long firstBadSeq, String problem, String headHash) {
    }

    @Transactional
    public Verification verify() {
        String previousHash = HashChain.GENESIS;
        long expectedSeq = 1;
        for (int page = 0; ; page++) {
            List<LedgerEntry> entries = LedgerEntry.findAll(Sort.ascending("seq")).page(Page.of(page, PAGE)).list();
            for (LedgerEntry entry : entries) {
                String problem = problemWith(entry, expectedSeq, previousHash);
                if (problem != null) {
                    return new Verification(false, expectedSeq - 1, entry.seq, problem, previousHash);
                }
                previousHash = entry.entryHash;
                expectedSeq++;
            }
            if (entries.size() < PAGE) {
                return new Verification(true, expectedSeq - 1, null, null, previousHash);
            }
        }
    }

    static String problemWith(LedgerEntry entry, long expectedSeq, String previousHash) {
        if (entry.seq != expectedSeq) {
            return "entry " + expectedSeq + " is missing; the next entry is " + entry.seq;
        }
        if (!HashChain.sha256(entry.canonical).equals(entry.eventSha256)) {
            return "the event bytes do not match their recorded SHA-256: the event was altered";
        }
        if (!entry.previousHash.equals(previousHash)) {
            return "the entry does not link to the entry before it: entries were dropped or reordered";
        }
        if (!HashChain.link(previousHash, entry.eventSha256).equals(entry.entryHash)) {
            return "the entry hash does not match: the entry was altered";
        }
        return null;
    }
}
