package io.gatehouse.evidence.release;

import static io.gatehouse.evidence.Elsewhere.golden;
import static io.gatehouse.evidence.Elsewhere.inAnotherTimeZoneAndLocale;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.evidence.artifacts.Artifact;
import io.gatehouse.evidence.artifacts.Evidence;
import io.gatehouse.evidence.artifacts.EvidenceBundle;
import io.gatehouse.evidence.ledger.HashChain;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A NO_GO release's whole evidence pinned byte for byte: each file in golden/, and PRE-DEPLOYMENT-PACKAGE.zip of
 * both releases by its SHA-256; then the same bytes in a time zone and locale that would show any dependence on the
 * host ({@link io.gatehouse.evidence.Elsewhere}).
 */
class ReleaseGoldenFilesTest {

    @Test
    void everyFileOfANoGoReleaseIsItsGoldenFile() {
        Evidence evidence = ReleaseLedger.noGo().render();

        evidence.artifacts().forEach(a -> assertThat(text(a)).as(a.name()).isEqualTo(golden(getClass(), a.name())));
        assertThat(text(evidence.manifest())).isEqualTo(golden(getClass(), "evidence-manifest.json"));
    }

    @Test
    void theBundlesAreTheirPinnedBytes() {
        assertThat(HashChain.sha256(ReleaseLedger.noGo().render().bundle())).isEqualTo(pinned("no-go"));
        assertThat(HashChain.sha256(ReleaseLedger.go().render().bundle())).isEqualTo(pinned("go"));
    }

    @Test
    void anotherTimeZoneAndLocaleChangeNoByteOfTheBundles() {
        Evidence noGo = inAnotherTimeZoneAndLocale(() -> ReleaseLedger.noGo().render());
        Evidence go = inAnotherTimeZoneAndLocale(() -> ReleaseLedger.go().render());

        noGo.artifacts().forEach(a -> assertThat(text(a)).as(a.name()).isEqualTo(golden(getClass(), a.name())));
        assertThat(HashChain.sha256(noGo.bundle())).isEqualTo(pinned("no-go"));
        assertThat(HashChain.sha256(go.bundle())).isEqualTo(pinned("go"));
    }

    @Test
    void theBundleHoldsEveryFileAndTheManifestSortedWithFixedTimes() throws IOException {
        Evidence evidence = ReleaseLedger.go().render();

        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<ZipEntry> zipEntries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(evidence.bundle()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                zipEntries.add(entry);
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }

        List<String> expected = new ArrayList<>(evidence.artifacts().stream().map(Artifact::name).toList());
        expected.add(Evidence.MANIFEST);
        assertThat(entries.keySet()).containsExactlyElementsOf(expected.stream().sorted().toList());
        assertThat(zipEntries).allSatisfy(entry -> {
            assertThat(entry.getTimeLocal()).isEqualTo(EvidenceBundle.ENTRY_TIME);
            assertThat(entry.getExtra()).isNull();
        });
        evidence.artifacts().forEach(a -> assertThat(entries.get(a.name())).as(a.name()).isEqualTo(a.bytes()));
        assertThat(entries.get(Evidence.MANIFEST)).isEqualTo(evidence.manifest().bytes());
    }

    private String pinned(String release) {
        return golden(getClass(), "PRE-DEPLOYMENT-PACKAGE." + release + ".sha256").strip();
    }

    private static String text(Artifact artifact) {
        return new String(artifact.bytes(), StandardCharsets.UTF_8);
    }
}
