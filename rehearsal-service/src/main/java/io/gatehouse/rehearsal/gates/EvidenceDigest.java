package io.gatehouse.rehearsal.gates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The digest of the evidence an approval approved: SHA-256 over the ids of the results the release had, sorted and
 * one per line, so it does not depend on the order they arrived in. A result that arrives later changes it.
 */
public final class EvidenceDigest {

    private EvidenceDigest() {
    }

    public static String of(Collection<String> resultEventIds) {
        String lines = String.join("\n", new TreeSet<>(resultEventIds));
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lines.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
