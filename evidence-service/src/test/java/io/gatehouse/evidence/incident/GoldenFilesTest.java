package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.RenderedFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.evidence.artifacts.Evidence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The new artifacts of a whole incident, pinned byte for byte, and the same bytes in a time zone and locale that
 * would show any dependence on the host: local times would move by 12 h 45 min, numbers would print in Thai digits
 * with a decimal comma, and lower-casing "I" would give a dotless "ı".
 */
class GoldenFilesTest {

    private static final List<String> PINNED = List.of("alert-tuning-feedback.json", "gate-3-validation.json", "reviewer-signoff.json",
            "traceability-matrix.json");
    private static final TimeZone CHATHAM = TimeZone.getTimeZone("Pacific/Chatham");
    private static final Locale TURKISH_WITH_THAI_DIGITS = Locale.forLanguageTag("tr-TR-u-nu-thai");

    @Test
    void theNewArtifactsOfAWholeIncidentAreTheirGoldenFiles() {
        Evidence evidence = IncidentLedger.wholeIncident().render();

        PINNED.forEach(name -> assertThat(text(evidence, name)).as(name).isEqualTo(golden(name)));
    }

    @Test
    void anotherTimeZoneAndLocaleChangeNoByteOfTheEvidence() {
        Evidence here = IncidentLedger.wholeIncident().render();

        Evidence elsewhere = inAnotherTimeZoneAndLocale(() -> IncidentLedger.wholeIncident().render());

        PINNED.forEach(name -> assertThat(text(elsewhere, name)).as(name).isEqualTo(golden(name)));
        assertThat(elsewhere.bundle()).isEqualTo(here.bundle());
    }

    private static <T> T inAnotherTimeZoneAndLocale(Supplier<T> work) {
        TimeZone zone = TimeZone.getDefault();
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale locale = Locale.getDefault();
        TimeZone.setDefault(CHATHAM);
        Locale.setDefault(TURKISH_WITH_THAI_DIGITS);
        try {
            assertThat(String.format("%.1f", 1.5)).as("the locale really changes how numbers print").isNotEqualTo("1.5");
            return work.get();
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
    }

    private static String golden(String name) {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("golden/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file golden/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
