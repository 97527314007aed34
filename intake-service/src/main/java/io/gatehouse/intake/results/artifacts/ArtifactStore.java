package io.gatehouse.intake.results.artifacts;

import io.gatehouse.events.StoredArtifact;
import io.gatehouse.messaging.Dependency;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores bytes once under their SHA-256, in a local folder ({@code gatehouse.artifacts.dir}):
 * {@code sha256/<first two hex digits>/<all 64>}. A file appears under its name only complete and on disk (written
 * beside it, forced, then renamed), so a digest in an event always names whole bytes; storing the same bytes again
 * finds them there. The store is a {@link Dependency} of the consumer: a full disk or a missing mount is waited out,
 * never a reason to dead-letter a result.
 */
@ApplicationScoped
public class ArtifactStore implements Dependency {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** The store could not write; the cause says why. */
    static final class Unwritable extends UncheckedIOException {
        Unwritable(String message, IOException cause) {
            super(message, cause);
        }
    }

    private final Path root;

    public ArtifactStore(@ConfigProperty(name = "gatehouse.artifacts.dir") Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Hex SHA-256 of {@code bytes}: the name they are stored under. */
    public static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Stores {@code bytes}, unless the same bytes are stored already.
     *
     * @throws UncheckedIOException when the folder cannot be written
     */
    public StoredArtifact put(byte[] bytes, String mediaType) {
        String sha256 = sha256Of(bytes);
        Path file = pathOf(sha256);
        if (!Files.exists(file)) {
            write(file, bytes);
        }
        return StoredArtifact.newBuilder().setSha256(sha256).setSizeBytes(bytes.length).setMediaType(mediaType).build();
    }

    /** Where the bytes of {@code sha256} are (or would be) stored. */
    public Path pathOf(String sha256) {
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static void write(Path file, byte[] bytes) {
        Path partial = null;
        try {
            Files.createDirectories(file.getParent());
            partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            // Two writers of the same bytes may race here; either rename leaves the same content under the name.
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Unwritable failure = new Unwritable("cannot store " + file.getFileName() + " in " + file.getParent() + ": " + e, e);
            // Nothing ever reads a .partial file, as no event names it; removing it only saves space.
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException cleanup) {
                    failure.addSuppressed(cleanup);
                }
            }
            throw failure;
        }
    }

    @Override
    public String name() {
        return "the artifact store " + root;
    }

    /** Whether the folder, or the nearest folder it would be created in, can be written; asking creates nothing. */
    @Override
    public Optional<String> unavailability(Duration timeout) {
        Path existing = root;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return Optional.of(existing + " is not a folder");
        }
        return Files.isWritable(existing) ? Optional.empty() : Optional.of(existing + " is not writable");
    }

    @Override
    public boolean explains(Throwable failure) {
        return Dependency.causes(failure).anyMatch(Unwritable.class::isInstance);
    }
}
