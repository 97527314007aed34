package io.gatehouse.intake.results.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.events.StoredArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {

    /** SHA-256 of "hello\n", as sha256sum prints it. */
    private static final String HELLO_SHA256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    @TempDir
    Path folder;

    @Test
    void bytesAreStoredOnceUnderTheirSha256() throws IOException {
        ArtifactStore store = new ArtifactStore(folder.resolve("artifacts"));
        byte[] hello = "hello\n".getBytes(StandardCharsets.UTF_8);

        StoredArtifact first = store.put(hello, "text/plain");
        StoredArtifact again = store.put(hello.clone(), "application/octet-stream");

        assertThat(first.getSha256()).isEqualTo(HELLO_SHA256);
        assertThat(first.getSizeBytes()).isEqualTo(6);
        assertThat(first.getMediaType()).isEqualTo("text/plain");
        assertThat(again.getSha256()).isEqualTo(HELLO_SHA256);
        Path stored = folder.resolve("artifacts/sha256/58").resolve(HELLO_SHA256);
        assertThat(store.pathOf(HELLO_SHA256)).isEqualTo(stored);
        assertThat(Files.readAllBytes(stored)).isEqualTo(hello);
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(stored);
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsAnOutageTheFailurePolicyRecognises() throws IOException {
        // A file where the folder should be: no user, root included, can store anything under it.
        Path notAFolder = Files.writeString(folder.resolve("not-a-folder"), "x");
        ArtifactStore store = new ArtifactStore(notAFolder);

        assertThat(store.unavailability(Duration.ofSeconds(1))).hasValueSatisfying(why -> assertThat(why).isEqualTo(notAFolder + " is not a folder"));
        assertThatThrownBy(() -> store.put(new byte[] {1}, "application/octet-stream"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot store 4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a")
                .satisfies(failure -> assertThat(store.explains(failure)).isTrue());
        assertThat(store.explains(new IllegalStateException("something else"))).isFalse();
    }

    @Test
    void onlyALowerCaseHexDigestNamesAFile() {
        ArtifactStore store = new ArtifactStore(folder);

        assertThatThrownBy(() -> store.pathOf("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.pathOf(HELLO_SHA256.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.unavailability(Duration.ofSeconds(1))).isEmpty();
        assertThat(new ArtifactStore(folder.resolve("not/yet/there")).unavailability(Duration.ofSeconds(1))).isEmpty();
        assertThat(folder.resolve("not")).as("asking creates nothing").doesNotExist();
    }
}
