package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.RenderedFiles.json;
import static io.gatehouse.evidence.incident.IncidentLedger.feedback;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.AlertFeedbackVerdict;
import io.gatehouse.evidence.artifacts.Evidence;
import org.junit.jupiter.api.Test;

class AlertTuningFeedbackTest {

    @Test
    void feedbackIsGroupedPerAlertSortedByNameWithAMissingAlertBeforeAFiredOneOfTheSameName() {
        IncidentLedger ledger = IncidentLedger.openedAndClassified();
        ledger.add(10, feedback("b-2", "Zeta", AlertFeedbackVerdict.LATE, "fire 5 min earlier", "bob", 10));
        ledger.add(11, feedback("a-1", "Alpha", AlertFeedbackVerdict.NOISY, null, "bob", 11));
        ledger.add(12, feedback("a-1", "Alpha", AlertFeedbackVerdict.NOISY, "raise the threshold", "carol", 12));
        ledger.add(13, feedback(null, "Alpha", AlertFeedbackVerdict.MISSING, "alert per region", "carol", 13));

        JsonNode feedback = json(ledger.render(), "alert-tuning-feedback.json");

        assertThat(feedback.get("alertCount").asInt()).isEqualTo(3);
        assertThat(feedback.get("alerts")).extracting(a -> a.get("alertName").asText() + "/" + a.get("alertId").asText())
                .containsExactly("Alpha/null", "Alpha/a-1", "Zeta/b-2");
        JsonNode alpha = feedback.at("/alerts/1");
        assertThat(alpha.at("/verdicts/NOISY").asInt()).isEqualTo(2);
        assertThat(alpha.get("suggestions")).extracting(JsonNode::asText).containsExactly("raise the threshold");
        assertThat(alpha.get("feedback")).extracting(f -> f.get("recordedBy").asText()).containsExactly("bob", "carol");
    }

    @Test
    void withoutFeedbackTheFileIsAbsent() {
        Evidence evidence = IncidentLedger.openedAndClassified().render();

        assertThat(evidence.file("alert-tuning-feedback.json")).isEmpty();
        assertThat(json(evidence.manifest().bytes()).at("/absentArtifacts/0/reason").asText()).isEqualTo("no alert-tuning feedback was recorded");
    }
}
