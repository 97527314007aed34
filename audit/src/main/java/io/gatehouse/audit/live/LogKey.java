package io.gatehouse.audit.live;

import io.gatehouse.evidence.log.NoteKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The log's verifier key an audit checks signatures with, and where it came from: a file the auditor got through a
 * channel of their own is trusted; the key evidence-service serves about itself is only as good as that service.
 *
 * @param source where the key came from, in words for the report
 */
public record LogKey(NoteKey key, String source) {

    /**
     * The key from {@code file} when given, else the one {@code service} publishes.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no verifier key
     */
    public static LogKey of(Optional<Path> file, Optional<LiveLedger> service) {
        if (file.isPresent()) {
            return new LogKey(parse(read(file.get()), file.get().toString()), file.get().toString());
        }
        LiveLedger live = service.orElseThrow(() -> new IllegalArgumentException(
                "the log's public key is needed: give --public-key FILE or --evidence-url URL"));
        return new LogKey(parse(live.publicKey(), live.baseUrl()), live.baseUrl() + "/v1/evidence/ledger/public-key (served by the audited service itself)");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("there is no public key file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the public key file " + file + ": " + e.getMessage());
        }
    }

    /** The first line that is a verifier key: a bundle's public-key.txt has a line saying where the key is published too. */
    private static NoteKey parse(String text, String from) {
        String problem = "it is empty";
        for (String line : text.strip().split("\n")) {
            try {
                return NoteKey.parseVerifier(line.strip());
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        throw new IllegalArgumentException("the public key from " + from + " is not a signed-note verifier key: " + problem);
    }
}
