package io.gatehouse.evidence.log;

import java.util.List;

/**
 * The right edge of a Merkle tree: the perfect subtrees that the next leaves combine with, one for each bit set in the
 * tree's size (a tree of 13 leaves has the eight 0..7, the four 8..11 and the leaf 12). With them alone, leaves are
 * appended and every subtree they complete is computed without reading the rest of the tree: a batch of appends reads
 * at most log2(n) + 1 stored hashes, once.
 */
public final class RightEdge {

    // edge[level]: the subtree of 2^level leaves on the edge when bit `level` of size is set, otherwise null.
    private final byte[][] edge = new byte[Long.SIZE][];
    private long size;

    private RightEdge(long size) {
        this.size = size;
    }

    /** The right edge of the stored tree of {@code size} leaves, read from {@code subtrees}. */
    public static RightEdge of(long size, SubtreeHashes subtrees) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree has no negative size: " + size);
        }
        RightEdge rightEdge = new RightEdge(size);
        long start = 0;
        for (int level = Long.SIZE - 2; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                rightEdge.edge[level] = subtrees.subtree(level, start >> level);
                start += 1L << level;
            }
        }
        return rightEdge;
    }

    /**
     * Appends a leaf by its leaf hash and returns the perfect subtrees it completes, the leaf itself first, exactly as
     * {@link MerkleTree#completedBy} does over the whole tree.
     */
    public List<MerkleTree.Node> append(byte[] leafHash) {
        List<MerkleTree.Node> completed = MerkleTree.completedBy(size, leafHash, (level, index) -> edge[level]);
        MerkleTree.Node top = completed.get(completed.size() - 1);
        for (int level = 0; level < top.level(); level++) {
            edge[level] = null;
        }
        edge[top.level()] = top.hash();
        size++;
        return completed;
    }

    /** The number of leaves of the tree this edge ends. */
    public long size() {
        return size;
    }
}
