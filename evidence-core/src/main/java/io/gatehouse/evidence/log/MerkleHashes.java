package io.gatehouse.evidence.log;

import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The two hashes of an RFC 6962 Merkle tree (RFC 9162 section 2.1.1): a leaf is SHA-256 of 0x00 and the entry's bytes,
 * an inner node SHA-256 of 0x01 and its two children. The prefixes keep a leaf from passing for a node.
 */
public final class MerkleHashes {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final HexFormat HEX = HexFormat.of();

    private MerkleHashes() {
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest sha256 = HashChain.newSha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(entry);
        return sha256.digest();
    }

    public static String leafHex(byte[] entry) {
        return HEX.formatHex(leaf(entry));
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = HashChain.newSha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] empty() {
        return HashChain.newSha256().digest();
    }
}
