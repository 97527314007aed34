package io.gatehouse.evidence.ledger;

import io.gatehouse.evidence.log.CanonicalEvent;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.evidence.log.MerkleHashes;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerChainTest {

    private static final CloudEvent EVENT = new CloudEvent("e-1", "/gatehouse/incident-service", "io.gatehouse.events.IncidentOpened",
            "inc-1", Instant.parse("2026-11-21T14:00:37.019Z"));

    @Test
    void canonicalBytesAreTheCloudEventJsonFormatInAFixedOrder() {
        String json = new String(CanonicalEvent.of(EVENT, new byte[] {(byte) 0xC3, 0x01, 0x02}), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/gatehouse/incident-service\","
                + "\"type\":\"io.gatehouse.events.IncidentOpened\",\"subject\":\"inc-1\",\"time\":\"2026-11-21T14:00:37.019Z\","
                + "\"datacontenttype\":\"application/avro\",\"data_base64\":\"wwEC\"}");
    }

    @Test
    void eachLinkHashesThePreviousHashAndTheEventHash() {
        String eventSha = HashChain.sha256("abc".getBytes(StandardCharsets.UTF_8));

        assertThat(eventSha).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(HashChain.link(HashChain.GENESIS, eventSha)).hasSize(64)
                .isNotEqualTo(HashChain.link(eventSha, eventSha))
                .isEqualTo(HashChain.link(HashChain.GENESIS, eventSha));
    }

    @Test
    void theVerifierNamesWhatIsWrongWithAnEntry() {
        LedgerEntry first = entry(1, HashChain.GENESIS, "first");
        LedgerEntry second = entry(2, first.entryHash, "second");

        assertThat(LedgerVerifier.problemWith(first, 1, HashChain.GENESIS)).isNull();
        assertThat(LedgerVerifier.problemWith(second, 2, first.entryHash)).isNull();

        assertThat(LedgerVerifier.problemWith(second, 1, HashChain.GENESIS)).isEqualTo("entry 1 is missing; the next entry is 2");
        assertThat(LedgerVerifier.problemWith(second, 2, HashChain.GENESIS)).contains("dropped or reordered");

        second.canonical = "second, altered".getBytes(StandardCharsets.UTF_8);
        assertThat(LedgerVerifier.problemWith(second, 2, first.entryHash)).contains("the event was altered");

        LedgerEntry relinked = entry(2, first.entryHash, "second");
        relinked.entryHash = HashChain.GENESIS;
        assertThat(LedgerVerifier.problemWith(relinked, 2, first.entryHash)).contains("the entry hash does not match");
    }

    private static LedgerEntry entry(long seq, String previousHash, String content) {
        LedgerEntry entry = new LedgerEntry();
        entry.seq = seq;
        entry.canonical = content.getBytes(StandardCharsets.UTF_8);
        entry.eventSha256 = HashChain.sha256(entry.canonical);
        entry.leafHash = MerkleHashes.leafHex(entry.canonical);
        entry.previousHash = previousHash;
        entry.entryHash = HashChain.link(previousHash, entry.eventSha256);
        return entry;
    }
}
