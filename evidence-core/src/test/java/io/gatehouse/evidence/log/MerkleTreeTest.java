package io.gatehouse.evidence.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tree against RFC 6962's reference data (the certificate-transparency test vectors: eight leaves and the root
 * of every prefix) and against a plain recursive MTH; every proof of every small tree verifies, and any altered
 * proof does not.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> LEAVES = List.of(hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"), hex("40414243"),
            hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void theRootsOfTheReferenceLeavesAreRfc6962s() {
        InMemoryTree tree = new InMemoryTree();
        for (int i = 0; i < LEAVES.size(); i++) {
            tree.append(MerkleHashes.leaf(LEAVES.get(i)));
            assertThat(HEX.formatHex(tree.tree().root(i + 1))).as("root of %d leaves", i + 1).isEqualTo(ROOTS.get(i));
        }
        assertThat(HEX.formatHex(tree.tree().root(0))).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void theReferenceInclusionAndConsistencyProofsAreRfc6962s() {
        InMemoryTree tree = treeOf(8);

        assertThat(tree.tree().inclusionProof(0, 8)).extracting(HEX::formatHex).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(tree.tree().consistencyProof(1, 8)).extracting(HEX::formatHex).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    }

    @Test
    void rootsOfEverySizeAreThePlainRecursiveMth() {
        List<byte[]> leafHashes = new ArrayList<>();
        InMemoryTree tree = new InMemoryTree();
        for (int size = 1; size <= 70; size++) {
            byte[] leaf = MerkleHashes.leaf(("entry " + size).getBytes());
            leafHashes.add(leaf);
            tree.append(leaf);
            for (int prefix = 1; prefix <= size; prefix++) {
                assertThat(tree.tree().root(prefix)).isEqualTo(mth(leafHashes.subList(0, prefix)));
            }
        }
    }

    @Test
    void everyInclusionProofVerifiesAndAnAlteredOneDoesNot() {
        InMemoryTree tree = treeOf(40);
        MerkleTree merkle = tree.tree();
        for (long size = 1; size <= 40; size++) {
            byte[] root = merkle.root(size);
            for (long leaf = 0; leaf < size; leaf++) {
                List<byte[]> proof = merkle.inclusionProof(leaf, size);
                byte[] leafHash = tree.subtree(0, leaf);
                assertThat(MerkleTree.verifyInclusion(leaf, size, leafHash, proof, root)).as("leaf %d of %d", leaf, size).isTrue();
                assertThat(MerkleTree.verifyInclusion(leaf, size, tree.subtree(0, (leaf + 1) % 40), proof, root)).isFalse();
                if (!proof.isEmpty()) {
                    List<byte[]> altered = new ArrayList<>(proof);
                    altered.set(0, MerkleHashes.leaf(new byte[] {1}));
                    assertThat(MerkleTree.verifyInclusion(leaf, size, leafHash, altered, root)).isFalse();
                    assertThat(MerkleTree.verifyInclusion(leaf, size, leafHash, proof.subList(0, proof.size() - 1), root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndOneForAnotherTreeDoesNot() {
        MerkleTree merkle = treeOf(40).tree();
        MerkleTree other = treeOf(39).tree();
        for (long to = 1; to <= 39; to++) {
            for (long from = 1; from <= to; from++) {
                List<byte[]> proof = merkle.consistencyProof(from, to);
                assertThat(MerkleTree.verifyConsistency(from, to, merkle.root(from), merkle.root(to), proof)).as("%d to %d", from, to).isTrue();
                if (from < to) {
                    assertThat(MerkleTree.verifyConsistency(from, to, merkle.root(from), merkle.root(to + 1), proof)).isFalse();
                }
            }
        }
        assertThat(MerkleTree.verifyConsistency(3, 40, other.root(3), merkle.root(40), other.consistencyProof(3, 39))).isFalse();
    }

    @Test
    void aProofOutsideTheTreeIsRefused() {
        MerkleTree merkle = treeOf(4).tree();
        assertThatThrownBy(() -> merkle.inclusionProof(4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> merkle.consistencyProof(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> merkle.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleTree.verifyInclusion(4, 4, new byte[32], List.of(), new byte[32])).isFalse();
    }

    private static InMemoryTree treeOf(int size) {
        InMemoryTree tree = new InMemoryTree();
        for (int i = 0; i < size; i++) {
            tree.append(MerkleHashes.leaf(i < LEAVES.size() ? LEAVES.get(i) : ("entry " + i).getBytes()));
        }
        return tree;
    }

    /** RFC 6962 section 2.1's definition, literally. */
    private static byte[] mth(List<byte[]> leafHashes) {
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = Integer.highestOneBit(leafHashes.size() - 1);
        return MerkleHashes.node(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, leafHashes.size())));
    }

    private static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }
}
