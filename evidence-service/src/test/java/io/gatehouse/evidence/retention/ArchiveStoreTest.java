package io.gatehouse.evidence.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.evidence.log.HashChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveStoreTest {

    private static final byte[] BUNDLE = "PK a sealed bundle".getBytes(StandardCharsets.UTF_8);
    private static final String SHA256 = HashChain.sha256(BUNDLE);

    @TempDir
    Path directory;

    @Test
    void aBundleIsArchivedUnderItsDigestAndNothingElseIsLeftInTheDirectory() throws IOException {
        ArchiveStore archive = new ArchiveStore(directory.resolve("archive"));

        archive.put(SHA256, BUNDLE);

        assertThat(Files.readAllBytes(directory.resolve("archive").resolve(SHA256 + ".zip"))).isEqualTo(BUNDLE);
        try (Stream<Path> files = Files.list(directory.resolve("archive"))) {
            assertThat(files).extracting(Path::getFileName).extracting(Path::toString).containsExactly(SHA256 + ".zip");
        }
        assertThat(archive.read(SHA256)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(BUNDLE));
    }

    @Test
    void bytesThatAreNotTheDigestsAreNotArchived() {
        ArchiveStore archive = new ArchiveStore(directory);

        assertThatThrownBy(() -> archive.put(SHA256, "something else".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(SHA256);
        assertThat(archive.holds(SHA256)).isFalse();
    }

    @Test
    void aDamagedFileIsNamedWhenReadAndRepairedWhenTheBundleIsArchivedAgain() throws IOException {
        ArchiveStore archive = new ArchiveStore(directory);
        archive.put(SHA256, BUNDLE);
        Files.write(directory.resolve(SHA256 + ".zip"), "PK a seal".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> archive.read(SHA256)).isInstanceOf(DamagedArchive.class).hasMessageContaining("its bytes have SHA-256");

        archive.put(SHA256, BUNDLE);

        assertThat(archive.read(SHA256)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(BUNDLE));
    }

    @Test
    void onlyADigestNamesAFileSoNoPathLeavesTheDirectory() {
        ArchiveStore archive = new ArchiveStore(directory);

        assertThatThrownBy(() -> archive.read("../" + SHA256.substring(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> archive.read(SHA256.toUpperCase(Locale.ROOT))).isInstanceOf(IllegalArgumentException.class);
        assertThat(archive.read(HashChain.sha256(new byte[0]))).isEmpty();
    }

    @Test
    void removingTakesTheFileAwayAndRemovingAgainDoesNothing() {
        ArchiveStore archive = new ArchiveStore(directory);
        archive.put(SHA256, BUNDLE);

        archive.remove(SHA256);
        archive.remove(SHA256);

        assertThat(archive.holds(SHA256)).isFalse();
    }
}
