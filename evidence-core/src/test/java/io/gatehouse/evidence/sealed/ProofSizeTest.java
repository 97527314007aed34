package io.gatehouse.evidence.sealed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What an incident's proofs cost in a busy log: its events spread over a tree of about 100,000 leaves, each proof
 * holds at most ceil(log2 n) hashes, so ledger-proofs.json grows with the incident's events, not with the log.
 */
class ProofSizeTest {

    @Test
    void anIncidentsProofsInATreeOf100000LeavesStaySmallAndVerify() throws IOException {
        IncidentStory story = IncidentStory.spreadOver(5_900);
        SealedBundle sealed = story.seal();
        byte[] proofs = Bundles.files(sealed.zip()).get(SealedBundle.LEDGER_PROOFS);

        JsonNode entries = new ObjectMapper().readTree(proofs).get("entries");
        int maxHashes = 64 - Long.numberOfLeadingZeros(sealed.treeSize() - 1);

        assertThat(sealed.treeSize()).isGreaterThanOrEqualTo(100_000);
        assertThat(entries).allSatisfy(e -> assertThat(e.get("hashes").size()).isLessThanOrEqualTo(maxHashes));
        assertThat(proofs.length).isLessThan(entries.size() * (maxHashes + 4) * 80);
        assertThat(BundleVerifier.verify(sealed.zip(), Optional.of(TestLog.KEY.verifierOnly())).intact()).isTrue();
        System.out.printf("ledger-proofs.json of an incident of %d events in a tree of %d leaves: %d bytes (bundle %d bytes)%n",
                entries.size(), sealed.treeSize(), proofs.length, sealed.zip().length);
    }
}
