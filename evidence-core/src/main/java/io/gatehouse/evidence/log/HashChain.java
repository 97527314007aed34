package io.gatehouse.evidence.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ledger's hash chain: each entry's hash is SHA-256 over the previous entry's hash and the event's own
 * SHA-256 (both as 32 raw bytes). The first entry follows {@link #GENESIS}, 64 zeros.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private HashChain() {
    }

    public static String sha256(byte[] bytes) {
        return HEX.formatHex(newSha256().digest(bytes));
    }

    public static String link(String previousHash, String eventSha256) {
        MessageDigest sha256 = newSha256();
        sha256.update(HEX.parseHex(previousHash));
        sha256.update(HEX.parseHex(eventSha256));
        return HEX.formatHex(sha256.digest());
    }

    /** A fresh SHA-256: the ledger's one hash function, for the chain here and the Merkle tree ({@link MerkleHashes}). */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
