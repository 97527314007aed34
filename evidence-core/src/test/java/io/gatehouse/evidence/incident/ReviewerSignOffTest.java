package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.RenderedFiles.json;
import static io.gatehouse.evidence.incident.IncidentLedger.review;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.ReviewedItem;
import io.gatehouse.events.SignOffVerdict;
import io.gatehouse.evidence.artifacts.Evidence;
import org.junit.jupiter.api.Test;

class ReviewerSignOffTest {

    @Test
    void theSignOffIsCompleteWhenTheLatestVerdictOfBothRequiredReviewsIsAnApproval() {
        JsonNode signOff = json(IncidentLedger.wholeIncident().render(), "reviewer-signoff.json");

        assertThat(signOff.get("complete").asBoolean()).isTrue();
        assertThat(signOff.at("/requirements/0/reviewed").asText()).isEqualTo("RESOLUTION");
        assertThat(signOff.at("/requirements/0/role").asText()).isEqualTo("incident-commander");
        assertThat(signOff.at("/requirements/0/verdict").asText()).isEqualTo("APPROVED");
        assertThat(signOff.at("/requirements/1/verdict").asText()).as("the rejection was replaced").isEqualTo("APPROVED");
        assertThat(signOff.at("/requirements/1/eventId").asText()).isEqualTo("event-31");
        assertThat(signOff.get("signOffs")).extracting(s -> s.get("verdict").asText()).containsExactly("APPROVED", "REJECTED", "APPROVED");
    }

    @Test
    void aLaterRejectionUndoesTheSignOff() {
        IncidentLedger ledger = IncidentLedger.wholeIncident();
        ledger.add(4100, review("alice", "incident-commander", ReviewedItem.RESOLUTION, SignOffVerdict.REJECTED,
                "gift-card payments failed again", 4100));

        JsonNode signOff = json(ledger.render(), "reviewer-signoff.json");

        assertThat(signOff.get("complete").asBoolean()).isFalse();
        assertThat(signOff.get("statement").asText()).isEqualTo("Not signed off: the incident commander rejected the resolution.");
    }

    @Test
    void aReviewInAnotherRoleThanTheRequiredOneDoesNotSignOff() {
        IncidentLedger ledger = IncidentLedger.openedAndClassified();
        ledger.add(10, review("alice", "incident-commander", ReviewedItem.RESOLUTION, SignOffVerdict.APPROVED, "resolved", 10));
        ledger.add(11, review("alice", "incident-commander", ReviewedItem.RECOVERY_VALIDATION, SignOffVerdict.APPROVED, "looks fine", 11));

        JsonNode signOff = json(ledger.render(), "reviewer-signoff.json");

        assertThat(signOff.get("complete").asBoolean()).isFalse();
        assertThat(signOff.at("/requirements/1/verdict").isNull()).isTrue();
        assertThat(signOff.get("statement").asText())
                .isEqualTo("Not signed off: a performance engineer has not reviewed the recovery validation.");
        assertThat(signOff.get("signOffs")).hasSize(2);
    }

    @Test
    void withoutAnySignOffTheFileIsAbsentAndTheManifestSaysWhy() {
        Evidence evidence = IncidentLedger.openedAndClassified().render();

        assertThat(evidence.file("reviewer-signoff.json")).isEmpty();
        assertThat(json(evidence.manifest().bytes()).get("absentArtifacts"))
                .anySatisfy(absent -> {
                    assertThat(absent.get("name").asText()).isEqualTo("reviewer-signoff.json");
                    assertThat(absent.get("reason").asText()).isEqualTo("no reviewer has signed off the resolution or the recovery validation");
                });
    }
}
