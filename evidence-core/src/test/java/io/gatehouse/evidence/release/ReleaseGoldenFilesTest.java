package io.gatehouse.evidence.release;

import static io.gatehouse.evidence.Elsewhere.golden;
import static io.gatehouse.evidence.Elsewhere.inAnotherTimeZoneAndLocale;
import static io.gatehouse.evidence.RenderedFiles.unzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.evidence.RenderedFiles.BundleEntry;
import io.gatehouse.evidence.artifacts.Artifact;
import io.gatehouse.evidence.artifacts.Evidence;
import io.gatehouse.evidence.artifacts.EvidenceBundle;
import io.gatehouse.evidence.log.HashChain;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
    void theBundleHoldsEveryFileAndTheManifestSortedWithFixedTimes() {
        Evidence evidence = ReleaseLedger.go().render();

        List<BundleEntry> bundle = unzip(evidence.bundle());

        List<Artifact> expected = new ArrayList<>(evidence.artifacts());
        expected.add(evidence.manifest());
        expected.sort(Comparator.comparing(Artifact::name));
        assertThat(bundle).extracting(BundleEntry::name).containsExactlyElementsOf(expected.stream().map(Artifact::name).toList());
        for (int i = 0; i < bundle.size(); i++) {
            assertThat(bundle.get(i).bytes()).as(bundle.get(i).name()).isEqualTo(expected.get(i).bytes());
            assertThat(bundle.get(i).entry().getTimeLocal()).isEqualTo(EvidenceBundle.ENTRY_TIME);
            assertThat(bundle.get(i).entry().getExtra()).isNull();
        }
    }

    private String pinned(String release) {
        return golden(getClass(), "PRE-DEPLOYMENT-PACKAGE." + release + ".sha256").strip();
    }

    private static String text(Artifact artifact) {
        return new String(artifact.bytes(), StandardCharsets.UTF_8);
    }
}
