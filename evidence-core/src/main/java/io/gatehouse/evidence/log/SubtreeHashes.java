package io.gatehouse.evidence.log;

/**
 * The hashes of a Merkle tree's perfect subtrees, wherever they are kept: the subtree at {@code level} and
 * {@code index} covers leaves {@code index * 2^level} up to, not including, {@code (index + 1) * 2^level}; level 0 holds
 * the leaf hashes. Only complete subtrees exist; everything else {@link MerkleTree} computes from them.
 */
@FunctionalInterface
public interface SubtreeHashes {

    byte[] subtree(int level, long index);
}
