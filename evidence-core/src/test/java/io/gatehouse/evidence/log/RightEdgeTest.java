package io.gatehouse.evidence.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Appending through the right edge completes exactly the subtrees that appending over the whole tree does. */
class RightEdgeTest {

    @Test
    void fromAnySizeTheEdgeCompletesTheSameSubtreesAsTheWholeTree() {
        InMemoryTree whole = new InMemoryTree();
        for (int size = 0; size <= 70; size++) {
            Set<String> read = new HashSet<>();
            RightEdge edge = RightEdge.of(size, (level, index) -> {
                read.add(level + "/" + index);
                return whole.subtree(level, index);
            });
            assertThat(read).as("subtrees read for a tree of %d leaves", size).hasSize(Long.bitCount(size));

            InMemoryTree expected = copyOf(whole, size);
            for (int next = size; next < size + 20; next++) {
                byte[] leaf = leafHash(next);
                List<MerkleTree.Node> completed = edge.append(leaf);
                assertThat(render(completed)).as("leaf %d appended to an edge read at %d", next, size)
                        .isEqualTo(render(MerkleTree.completedBy(next, leaf, expected)));
                expected.append(leaf);
            }
            assertThat(edge.size()).isEqualTo(size + 20);
            whole.append(leafHash(size));
        }
    }

    @Test
    void anEmptyTreeHasAnEmptyEdgeThatStartsAtLeafZero() {
        RightEdge edge = RightEdge.of(0, (level, index) -> {
            throw new AssertionError("an empty tree has no subtree to read");
        });

        List<MerkleTree.Node> completed = edge.append(leafHash(0));

        assertThat(render(completed)).containsExactly("0/0/" + hex(leafHash(0)));
    }

    private static InMemoryTree copyOf(InMemoryTree tree, int size) {
        InMemoryTree copy = new InMemoryTree();
        for (int i = 0; i < size; i++) {
            copy.append(tree.subtree(0, i));
        }
        return copy;
    }

    private static byte[] leafHash(int n) {
        return MerkleHashes.leaf(("entry " + n).getBytes());
    }

    private static List<String> render(List<MerkleTree.Node> nodes) {
        List<String> rendered = new ArrayList<>();
        nodes.forEach(n -> rendered.add(n.level() + "/" + n.index() + "/" + hex(n.hash())));
        return rendered;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
