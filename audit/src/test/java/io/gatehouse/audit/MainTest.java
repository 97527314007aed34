package io.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.evidence.log.NoteKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void withoutACommandItShowsHowToUseIt() {
        assertThat(run()).isEqualTo(Main.CANNOT_CHECK);
        assertThat(out()).startsWith("usage: java -jar gatehouse-audit.jar COMMAND");
    }

    @Test
    void aWrongCommandLineIsNamed() {
        assertThat(run("audit-everything")).isEqualTo(Main.CANNOT_CHECK);
        assertThat(err()).startsWith("gatehouse-audit: unknown command audit-everything\nusage:");

        assertThat(run("replay", "--bootstrap-servers", "127.0.0.1:1", "--public-key", "k")).isEqualTo(Main.CANNOT_CHECK);
        assertThat(err()).contains("--out is required");

        assertThat(run("replay", "--out", "x", "--out", "y")).isEqualTo(Main.CANNOT_CHECK);
        assertThat(err()).contains("--out is given twice");

        assertThat(run("verify", "--bootstrap-servers")).isEqualTo(Main.CANNOT_CHECK);
        assertThat(err()).contains("--bootstrap-servers needs a value");

        assertThat(run("replay", "--bootstrap-servers", "127.0.0.1:1", "--out", "x", "--public-key", "k", "--evidence-url", "http://e"))
                .isEqualTo(Main.CANNOT_CHECK);
        assertThat(err()).contains("not both");
    }

    @Test
    void aReplayNeedsAnEmptyDirectoryOfItsOwn() throws IOException {
        Path key = Files.writeString(dir.resolve("public-key"), NoteKey.generate("gatehouse.test/ledger").verifierKey());
        Files.writeString(dir.resolve("earlier-report.json"), "{}");

        assertThat(run("replay", "--bootstrap-servers", "127.0.0.1:1", "--out", dir.toString(), "--public-key", key.toString()))
                .isEqualTo(Main.CANNOT_CHECK);
        assertThat(err()).isEqualTo("gatehouse-audit: " + dir + " is not empty: a replay writes into an empty directory of its own\n");
    }

    @Test
    void aPublicKeyFileWithoutAKeyIsNamed() throws IOException {
        Path key = Files.writeString(dir.resolve("public-key"), "not a key\n");

        assertThat(run("verify-bundle", "bundle.zip", "--public-key", key.toString())).isEqualTo(Main.CANNOT_CHECK);
        assertThat(err()).contains("the public key from " + key + " is not a signed-note verifier key");
    }

    @Test
    void aFileThatIsNoBundleIsNotIntact() throws IOException {
        Path garbage = Files.write(dir.resolve("INCIDENT-EVIDENCE-BUNDLE.zip"), new byte[] {'P', 'K', 1, 2, 3});

        assertThat(run("verify-bundle", garbage.toString())).isEqualTo(Main.DIFFERENT);
        assertThat(out()).contains("FAILED").contains("NOT INTACT");
    }

    @Test
    void aBundleThatIsNotThereCannotBeChecked() {
        assertThat(run("verify-bundle", dir.resolve("missing.zip").toString())).isEqualTo(Main.CANNOT_CHECK);
        assertThat(err()).contains("missing.zip is not a file");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
