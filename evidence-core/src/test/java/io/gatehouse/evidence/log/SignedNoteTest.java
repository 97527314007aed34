package io.gatehouse.evidence.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Signed notes and keys as C2SP and Go's golang.org/x/mod/sumdb/note define them: the published example key and note
 * of that package are reproduced byte for byte, so any verifier of that format accepts Gatehouse's checkpoints.
 */
class SignedNoteTest {

    private static final String SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private static final String NOTE = TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void theReferenceKeyAndNoteAreReproducedByteForByte() {
        NoteKey key = NoteKey.parseSigner(SIGNER);

        assertThat(key.verifierKey()).isEqualTo(VERIFIER);
        assertThat(key.signerKey()).isEqualTo(SIGNER);
        assertThat(SignedNote.sign(TEXT, key)).isEqualTo(NOTE);
        assertThat(SignedNote.open(NOTE, NoteKey.parseVerifier(VERIFIER))).contains(TEXT);
    }

    @Test
    void aNoteAlteredOrSignedByAnotherKeyDoesNotOpen() {
        NoteKey verifier = NoteKey.parseVerifier(VERIFIER);
        NoteKey other = NoteKey.generate("PeterNeumann");

        assertThat(SignedNote.open(NOTE.replace("cryptography", "cryptographY"), verifier)).isEmpty();
        assertThat(SignedNote.open(SignedNote.sign(TEXT, other), verifier)).isEmpty();
        assertThat(SignedNote.open(TEXT, verifier)).isEmpty();
        assertThat(SignedNote.open(NOTE, other.verifierOnly())).isEmpty();
    }

    @Test
    void aCheckpointIsSignedAndReadBack() {
        NoteKey key = NoteKey.generate("gatehouse.test/ledger");
        Checkpoint checkpoint = new Checkpoint("gatehouse.test/ledger", 8,
                HexFormat.of().parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

        String note = checkpoint.sign(key);

        assertThat(note).startsWith("gatehouse.test/ledger\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n\u2014 gatehouse.test/ledger ");
        assertThat(Checkpoint.open(note, NoteKey.parseVerifier(key.verifierKey())).orElseThrow().rootHex()).isEqualTo(checkpoint.rootHex());
        assertThat(Checkpoint.open(note, NoteKey.generate("gatehouse.test/ledger"))).isEmpty();
        assertThat(note).isEqualTo(checkpoint.sign(key));
    }

    @Test
    void malformedKeysAreRefusedWithTheReason() {
        assertThatThrownBy(() -> NoteKey.parseVerifier("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> NoteKey.parseVerifier("nothing")).hasMessageContaining("<name>+<hash>+<key>");
        assertThatThrownBy(() -> NoteKey.generate("has space")).hasMessageContaining("no '+' or white space");
    }

    @Test
    void aDsseEnvelopeOpensOnlyWithItsKey() {
        NoteKey key = NoteKey.generate("gatehouse.test/ledger");
        byte[] payload = "{\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes();

        byte[] envelope = Dsse.envelope(Dsse.IN_TOTO_PAYLOAD_TYPE, payload, key, Dsse.signature(Dsse.IN_TOTO_PAYLOAD_TYPE, payload, key));

        assertThat(Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes()))
                .asString().isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
        assertThat(Dsse.open(envelope, key.verifierOnly())).contains(payload);
        assertThat(Dsse.open(envelope, NoteKey.generate("gatehouse.test/ledger"))).isEmpty();
        assertThat(Dsse.open(new String(envelope).replace("payload\":\"", "payload\":\"A").getBytes(), key)).isEmpty();
    }
}
