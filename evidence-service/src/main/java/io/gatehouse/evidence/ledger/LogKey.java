package io.gatehouse.evidence.ledger;

import io.gatehouse.evidence.log.NoteKey;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The log's Ed25519 key, which signs checkpoints and release attestations. A deployment hands it in
 * ({@code GATEHOUSE_LEDGER_SIGNING_KEY}, the signer-key text, from its secret store); otherwise it is read from
 * {@code gatehouse.ledger.signing-key-file}, and generated there on first start, readable by its owner only. The
 * verifier key is written beside it as {@code public-key} and served at {@code GET /v1/evidence/ledger/public-key}.
 */
@ApplicationScoped
public class LogKey {

    private final NoteKey key;

    LogKey(@ConfigProperty(name = "gatehouse.ledger.origin") String origin,
           @ConfigProperty(name = "gatehouse.ledger.signing-key") Optional<String> handedIn,
           @ConfigProperty(name = "gatehouse.ledger.signing-key-file") Path file) {
        this.key = handedIn.map(NoteKey::parseSigner).orElseGet(() -> fromFile(origin, file));
        if (!key.name().equals(origin)) {
            throw new IllegalStateException("the signing key is named " + key.name() + " but the log's origin is " + origin
                    + ": a verifier matches signatures by the origin's key name");
        }
        writeVerifierKey(file.resolveSibling("public-key"));
    }

    public NoteKey key() {
        return key;
    }

    /** The verifier key text: name, key id and public key. */
    public String verifierKey() {
        return key.verifierKey();
    }

    private static NoteKey fromFile(String origin, Path file) {
        try {
            if (Files.exists(file)) {
                return NoteKey.parseSigner(Files.readString(file, StandardCharsets.US_ASCII));
            }
            NoteKey generated = NoteKey.generate(origin);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".signing-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, generated.signerKey() + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            Log.infof("generated the ledger's signing key at %s", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the ledger's signing key at " + file.toAbsolutePath(), e);
        }
    }

    private void writeVerifierKey(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, key.verifierKey() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            Log.warnf("could not write the verifier key to %s (%s); it is served at GET /v1/evidence/ledger/public-key", file, e.getMessage());
        }
    }
}
