package io.gatehouse.evidence.retention;

import io.gatehouse.evidence.log.HashChain;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The archive: a directory apart from the active store (the database), holding each archived bundle once as
 * {@code <sha256>.zip}. A file is written under a temporary name, forced to disk and renamed into place, so a reader
 * sees a whole bundle or none; it is read back and checked against its digest before anyone relies on it.
 */
@ApplicationScoped
class ArchiveStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;

    ArchiveStore(@ConfigProperty(name = "gatehouse.retention.archive-dir") Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /**
     * Puts {@code bytes} into the archive under {@code sha256}, unless the archive holds them already, and checks
     * what is on disk afterwards.
     *
     * @throws IllegalArgumentException when the bytes are not those the digest names
     * @throws DamagedArchive when the file on disk does not read back as the digest names
     */
    void put(String sha256, byte[] bytes) {
        Path file = fileOf(sha256);
        if (!HashChain.sha256(bytes).equals(sha256)) {
            throw new IllegalArgumentException("the bytes to archive as " + sha256 + " have SHA-256 " + HashChain.sha256(bytes));
        }
        if (holdsIntact(sha256)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, sha256, ".partial");
            try {
                try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        if (read(sha256).isEmpty()) {
            throw new DamagedArchive(file, "written, but not there when read back");
        }
    }

    /**
     * The bundle archived under {@code sha256}, its digest checked; empty when the archive has no such file.
     *
     * @throws DamagedArchive when the file's bytes are not those the digest names
     */
    Optional<byte[]> read(String sha256) {
        Path file = fileOf(sha256);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String actual = HashChain.sha256(bytes);
        if (!actual.equals(sha256)) {
            throw new DamagedArchive(file, "its bytes have SHA-256 " + actual + ", not the one its name gives");
        }
        return Optional.of(bytes);
    }

    // A damaged file is written anew: the bytes to archive are checked already, so this repairs it.
    private boolean holdsIntact(String sha256) {
        try {
            return read(sha256).isPresent();
        } catch (DamagedArchive e) {
            return false;
        }
    }

    /** Whether a file for {@code sha256} is in the archive (its bytes are checked by {@link #read}, not here). */
    boolean holds(String sha256) {
        return Files.isRegularFile(fileOf(sha256));
    }

    /** Removes the bundle archived under {@code sha256}; nothing happens when there is none. */
    void remove(String sha256) {
        Path file = fileOf(sha256);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** Where the bundle with this digest is archived. */
    Path fileOf(String sha256) {
        // The digest becomes a file name: only a digest may, so no caller can name a path outside the directory.
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in lowercase hex: " + sha256);
        }
        return directory.resolve(sha256 + ".zip");
    }
}
