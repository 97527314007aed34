package io.gatehouse.evidence.log;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A C2SP tlog-checkpoint (c2sp.org/tlog-checkpoint): the log's origin line, the tree size in decimal and the root
 * hash in base64, each on its own line. Signed, it is the note a verifier trusts the tree by.
 *
 * @param rootHash the RFC 6962 root of the first {@code size} leaves
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public Checkpoint {
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("an origin is one non-empty line");
        }
        if (size < 0 || rootHash.length != 32) {
            throw new IllegalArgumentException("a checkpoint has a size of 0 or more and a 32-byte root hash");
        }
        rootHash = rootHash.clone();
    }

    /** The checkpoint's text: what is signed. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    public String rootHex() {
        return HexFormat.of().formatHex(rootHash);
    }

    /** The signed note of this checkpoint. */
    public String sign(NoteKey key) {
        return SignedNote.sign(body(), key);
    }

    /** The checkpoint in a signed note, when {@code key} signed it; empty when the note is unsigned by that key or not a checkpoint. */
    public static Optional<Checkpoint> open(String note, NoteKey key) {
        return SignedNote.open(note, key).flatMap(Checkpoint::parse);
    }

    /** A checkpoint's text read back; empty when it is not one. */
    public static Optional<Checkpoint> parse(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            return Optional.empty();
        }
        try {
            long size = Long.parseLong(lines[1]);
            byte[] root = Base64.getDecoder().decode(lines[2]);
            return Optional.of(new Checkpoint(lines[0], size, root));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
