package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.Elsewhere.golden;
import static io.gatehouse.evidence.Elsewhere.inAnotherTimeZoneAndLocale;
import static io.gatehouse.evidence.RenderedFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.evidence.artifacts.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The new artifacts of a whole incident, pinned byte for byte, and the same bytes in a time zone and locale that
 * would show any dependence on the host ({@link io.gatehouse.evidence.Elsewhere}).
 */
class GoldenFilesTest {

    private static final List<String> PINNED = List.of("alert-tuning-feedback.json", "gate-3-validation.json", "reviewer-signoff.json",
            "traceability-matrix.json");

    @Test
    void theNewArtifactsOfAWholeIncidentAreTheirGoldenFiles() {
        Evidence evidence = IncidentLedger.wholeIncident().render();

        PINNED.forEach(name -> assertThat(text(evidence, name)).as(name).isEqualTo(golden(GoldenFilesTest.class, name)));
    }

    @Test
    void anotherTimeZoneAndLocaleChangeNoByteOfTheEvidence() {
        Evidence here = IncidentLedger.wholeIncident().render();

        Evidence elsewhere = inAnotherTimeZoneAndLocale(() -> IncidentLedger.wholeIncident().render());

        PINNED.forEach(name -> assertThat(text(elsewhere, name)).as(name).isEqualTo(golden(GoldenFilesTest.class, name)));
        assertThat(elsewhere.bundle()).isEqualTo(here.bundle());
    }
}
