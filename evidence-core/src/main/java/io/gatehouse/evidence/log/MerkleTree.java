package io.gatehouse.evidence.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An RFC 6962 Merkle tree read through its perfect subtrees (RFC 9162 section 2.1): the root of any size, inclusion
 * and consistency proofs, and their verification. Every hash a proof needs is a perfect subtree or is combined from a
 * few, so a proof costs O(log² n) lookups whatever the tree's size.
 */
public final class MerkleTree {

    /** A perfect subtree completed by an append, to be stored. */
    public record Node(int level, long index, byte[] hash) {
    }

    private final SubtreeHashes subtrees;

    public MerkleTree(SubtreeHashes subtrees) {
        this.subtrees = subtrees;
    }

    /**
     * The perfect subtrees that leaf {@code leafIndex} completes, starting with the leaf itself: appending leaf 3
     * completes the leaf, the pair 2..3 and the four 0..3. The earlier subtrees are read from {@code subtrees}.
     */
    public static List<Node> completedBy(long leafIndex, byte[] leafHash, SubtreeHashes subtrees) {
        List<Node> completed = new ArrayList<>();
        completed.add(new Node(0, leafIndex, leafHash));
        byte[] hash = leafHash;
        long index = leafIndex;
        int level = 0;
        while ((index & 1) == 1) {
            hash = MerkleHashes.node(subtrees.subtree(level, index - 1), hash);
            index >>= 1;
            level++;
            completed.add(new Node(level, index, hash));
        }
        return completed;
    }

    /** MTH(D[0:size]); the hash of the empty string for an empty tree. */
    public byte[] root(long size) {
        requireSize(size);
        return size == 0 ? MerkleHashes.empty() : rangeHash(0, size);
    }

    /** PATH(leafIndex, D[0:size]) of RFC 9162 section 2.1.3.1, nearest the leaf first. */
    public List<byte[]> inclusionProof(long leafIndex, long size) {
        if (leafIndex < 0 || leafIndex >= size) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(leafIndex, 0, size, proof);
        return proof;
    }

    /** PROOF(from, D[0:to]) of RFC 9162 section 2.1.4.1; empty when the sizes are equal. */
    public List<byte[]> consistencyProof(long from, long to) {
        if (from < 1 || from > to) {
            throw new IllegalArgumentException("a consistency proof needs 1 <= from <= to, not from " + from + " to " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    private void path(long m, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, proof);
            proof.add(rangeHash(start + k, end));
        } else {
            path(m - k, start + k, end, proof);
            proof.add(rangeHash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean completeSubtree, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!completeSubtree) {
                proof.add(rangeHash(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, completeSubtree, proof);
            proof.add(rangeHash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(rangeHash(start, start + k));
        }
    }

    /** MTH(D[start:end]) for the ranges RFC 9162's recursion visits: start is a multiple of the largest power of two below end - start. */
    private byte[] rangeHash(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return subtrees.subtree(level, start >> level);
        }
        long k = largestPowerOfTwoBelow(n);
        return MerkleHashes.node(rangeHash(start, start + k), rangeHash(start + k, end));
    }

    /** RFC 9162 section 2.1.3.2: whether {@code proof} puts {@code leafHash} at {@code leafIndex} of the tree with {@code root}. */
    public static boolean verifyInclusion(long leafIndex, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (leafIndex < 0 || leafIndex >= size) {
            return false;
        }
        long fn = leafIndex;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 section 2.1.4.2: whether {@code proof} shows the tree of size {@code to} extends the one of size {@code from}. */
    public static boolean verifyConsistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> proof) {
        if (from < 1 || from > to) {
            return false;
        }
        if (from == to) {
            return proof.isEmpty() && Arrays.equals(fromRoot, toRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(from) == 1) {
            path.add(0, fromRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, fromRoot) && Arrays.equals(sr, toRoot);
    }

    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void requireSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree has no negative size: " + size);
        }
    }
}
