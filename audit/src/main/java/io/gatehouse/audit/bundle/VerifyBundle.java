package io.gatehouse.audit.bundle;

import io.gatehouse.evidence.log.NoteKey;
import io.gatehouse.evidence.sealed.BundleVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints every check {@link BundleVerifier} makes of a sealed bundle and says when the only key it was checked with
 * is the one the bundle carries: that proves the bundle consistent with itself, not that the log signed it.
 */
public final class VerifyBundle {

    /** Bundles are a few megabytes at most; anything far larger is not one, and is not read into memory. */
    static final long LARGEST_BUNDLE = 512L * 1024 * 1024;

    /** @param seconds reading and checking the bundle */
    public record Result(boolean intact, double seconds) {
    }

    private VerifyBundle() {
    }

    /**
     * @throws IllegalArgumentException when the file cannot be read or is too large to be a bundle
     */
    public static Result run(Path bundle, Optional<NoteKey> publicKey, PrintStream console) {
        long started = System.nanoTime();
        byte[] zip = read(bundle);
        BundleVerifier.Verification verification = BundleVerifier.verify(zip, publicKey);
        double seconds = (System.nanoTime() - started) / 1e9;
        console.println(bundle + ":");
        for (BundleVerifier.Check check : verification.checks()) {
            console.println("  " + (check.passed() ? "ok    " : "FAILED") + " " + check.name() + (check.detail() == null || check.detail().isEmpty() ? ""
                    : ": " + check.detail()));
        }
        if (verification.keyFromBundle()) {
            console.println("  note: no --public-key was given, so the checkpoint was checked with the key in the bundle's own public-key.txt;"
                    + " compare that key with the one the log publishes (GET /v1/evidence/ledger/public-key) before relying on it");
        }
        console.printf(Locale.ROOT, "%s in %.3f s%n", verification.intact() ? "INTACT" : "NOT INTACT", seconds);
        return new Result(verification.intact(), seconds);
    }

    private static byte[] read(Path bundle) {
        try {
            if (!Files.isRegularFile(bundle)) {
                throw new IllegalArgumentException(bundle + " is not a file");
            }
            if (Files.size(bundle) > LARGEST_BUNDLE) {
                throw new IllegalArgumentException(bundle + " is " + Files.size(bundle) + " bytes: too large to be a sealed bundle");
            }
            return Files.readAllBytes(bundle);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + bundle + ": " + e.getMessage());
        }
    }
}
