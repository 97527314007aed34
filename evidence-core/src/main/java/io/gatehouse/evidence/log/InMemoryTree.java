package io.gatehouse.evidence.log;

import java.util.ArrayList;
import java.util.List;

/** A Merkle tree held in memory, appended to leaf by leaf: what a replay rebuilds and what tests check proofs against. */
public final class InMemoryTree implements SubtreeHashes {

    private final List<List<byte[]>> levels = new ArrayList<>();
    private long size;

    /** Appends a leaf by its leaf hash; returns its index. */
    public long append(byte[] leafHash) {
        long index = size;
        for (MerkleTree.Node node : MerkleTree.completedBy(index, leafHash, this)) {
            while (levels.size() <= node.level()) {
                levels.add(new ArrayList<>());
            }
            levels.get(node.level()).add(node.hash());
        }
        size++;
        return index;
    }

    public long size() {
        return size;
    }

    public MerkleTree tree() {
        return new MerkleTree(this);
    }

    @Override
    public byte[] subtree(int level, long index) {
        if (level >= levels.size() || index >= levels.get(level).size()) {
            throw new IllegalArgumentException("no complete subtree at level " + level + ", index " + index + " in a tree of " + size + " leaves");
        }
        return levels.get(level).get((int) index);
    }
}
