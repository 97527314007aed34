package io.gatehouse.rehearsal.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceDigestTest {

    @Test
    void theDigestCoversTheResultIdsWhateverTheOrderTheyArrivedIn() {
        assertThat(EvidenceDigest.of(List.of("b", "a"))).isEqualTo(EvidenceDigest.of(List.of("a", "b")));
    }

    @Test
    void aFurtherResultChangesIt() {
        assertThat(EvidenceDigest.of(List.of("a", "b", "c"))).isNotEqualTo(EvidenceDigest.of(List.of("a", "b")));
    }

    @Test
    void itIsTheSha256OfTheSortedIdsOnePerLine() {
        // printf 'a\nb' | sha256sum
        assertThat(EvidenceDigest.of(List.of("b", "a"))).isEqualTo("sha256:7e18f737311b2dc3b2f269dd78396b0351f14fb66efa879f768cb23181883c78");
    }
}
