package io.gatehouse.evidence.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A C2SP signed note (c2sp.org/signed-note): the text, ending in a newline, then a blank line, then one line per
 * signature, {@code — <key name> <base64 of the 4-byte key id and the signature>}. The signature is Ed25519 over the
 * text's UTF-8 bytes.
 */
public final class SignedNote {

    private static final String SIGNATURE_LINE = "\u2014 ";

    private SignedNote() {
    }

    /** The note: {@code text} signed with {@code key}. */
    public static String sign(String text, NoteKey key) {
        requireText(text);
        byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] idAndSignature = new byte[4 + signature.length];
        System.arraycopy(key.keyId(), 0, idAndSignature, 0, 4);
        System.arraycopy(signature, 0, idAndSignature, 4, signature.length);
        return text + "\n" + SIGNATURE_LINE + key.name() + " " + Base64.getEncoder().encodeToString(idAndSignature) + "\n";
    }

    /**
     * The note's text when it carries a valid signature by {@code key} (same name, same key id, signature verifies);
     * empty otherwise, whatever else is wrong with it.
     */
    public static Optional<String> open(String note, NoteKey key) {
        Optional<String> text = unverifiedText(note);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (String line : note.substring(text.get().length() + 1).split("\n")) {
            if (signedBy(text.get(), line, key)) {
                return text;
            }
        }
        return Optional.empty();
    }

    /**
     * The note's text, whoever signed it: what a report shows of a note whose signature does not verify. Trust it only
     * after {@link #open(String, NoteKey)}.
     */
    public static Optional<String> unverifiedText(String note) {
        int split = note.lastIndexOf("\n\n");
        return split < 0 ? Optional.empty() : Optional.of(note.substring(0, split + 1));
    }

    private static boolean signedBy(String text, String line, NoteKey key) {
        String prefix = SIGNATURE_LINE + key.name() + " ";
        if (!line.startsWith(prefix)) {
            return false;
        }
        byte[] idAndSignature;
        try {
            idAndSignature = Base64.getDecoder().decode(line.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (idAndSignature.length != 4 + 64 || !Arrays.equals(Arrays.copyOf(idAndSignature, 4), key.keyId())) {
            return false;
        }
        return key.verify(text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(idAndSignature, 4, idAndSignature.length));
    }

    private static void requireText(String text) {
        if (!text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline and has no blank line");
        }
    }
}
