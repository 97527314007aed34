package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.RenderedFiles.json;
import static io.gatehouse.evidence.incident.IncidentLedger.gate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.evidence.artifacts.Artifact;
import io.gatehouse.evidence.artifacts.Evidence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateValidationTest {

    @Test
    void aGateReportHasTheLatestEvaluationItsEarlierOnesAndItsWaiverWithTheRecoveryPlan() {
        JsonNode gate3 = json(IncidentLedger.wholeIncident().render(), "gate-3-validation.json");

        assertThat(gate3.get("outcome").asText()).isEqualTo("WAIVED");
        assertThat(gate3.get("evaluations")).extracting(e -> e.get("outcome").asText()).containsExactly("FAILED", "WAIVED");
        assertThat(gate3.at("/latest/eventId").asText()).isEqualTo("event-20");
        assertThat(gate3.at("/latest/criteria/recoveryPassRate").asText()).isEqualTo(">= 0.95");
        assertThat(gate3.at("/latest/measured/recoveryTimeSeconds").asDouble()).isEqualTo(400.0);
        assertThat(gate3.at("/latest/unmetConditions/0").asText()).isEqualTo("recovery checks passed at 0.5, below 0.95");
        assertThat(gate3.at("/latest/evidence")).extracting(e -> e.get("type").asText()).containsExactly(
                "io.gatehouse.events.RollbackExecuted", "io.gatehouse.events.RecoveryValidated", "io.gatehouse.events.MitigationExecuted",
                "io.gatehouse.events.GateWaiverGranted");
        assertThat(gate3.at("/waivers/0/role").asText()).isEqualTo("incident-commander");
        assertThat(gate3.at("/waivers/0/recoveryPlan").asText())
                .isEqualTo("Keep new-pricing off, ship the gift-card hotfix, re-run the payment journey after it.");
    }

    @Test
    void everyMetricAnEvaluationCarriesIsRenderedSortedByName() {
        IncidentLedger ledger = IncidentLedger.openedAndClassified();
        ledger.add(10, gate(1, GateOutcome.FAILED, 10, Map.of("zNewlyMeasured", 7.5, "consensusReached", 0.0, "stakeholdersNotified", 3.0),
                Map.of("consensusReached", "= 1"), List.of("the incident commander has not confirmed the severity"), List.of()));

        JsonNode gate1 = json(ledger.render(), "gate-1-validation.json");

        assertThat(gate1.at("/latest/measured").fieldNames()).toIterable()
                .containsExactly("consensusReached", "stakeholdersNotified", "zNewlyMeasured");
        assertThat(gate1.at("/latest/measured/zNewlyMeasured").asDouble()).isEqualTo(7.5);
        assertThat(gate1.at("/latest/policyVersion").asText()).isEqualTo("17.yaml@3");
        assertThat(gate1.get("waivers")).isEmpty();
    }

    @Test
    void citedEvidenceTheIncidentsLedgerDoesNotHoldIsNamedWithoutAType() {
        IncidentLedger ledger = IncidentLedger.openedAndClassified();
        ledger.add(10, gate(3, GateOutcome.FAILED, 10, Map.of("executionComplete", 0.0), Map.of("executionComplete", "= 1"),
                List.of("the mitigation's execution has not been reported"), List.of("event-2", "not-yet-recorded")));

        Evidence evidence = ledger.render();

        JsonNode evidenceCited = json(evidence, "gate-3-validation.json").at("/latest/evidence");
        assertThat(evidenceCited.get(0).get("type").asText()).isEqualTo("io.gatehouse.events.SeverityClassified");
        assertThat(evidenceCited.get(1).get("eventId").asText()).isEqualTo("not-yet-recorded");
        assertThat(evidenceCited.get(1).get("type").isNull()).isTrue();
        assertThat(evidence.file("gate-3-validation.json").orElseThrow().derivedFrom()).containsExactly("event-2", "event-3");
    }

    @Test
    void aGateNeverEvaluatedHasNoReportAndTheManifestSaysWhy() {
        Evidence evidence = IncidentLedger.openedAndClassified().render();

        assertThat(evidence.artifacts()).extracting(Artifact::name).noneMatch(name -> name.startsWith("gate-"));
        assertThat(json(evidence.manifest().bytes()).get("absentArtifacts")).extracting(a -> a.get("name").asText() + ": " + a.get("reason").asText())
                .contains("gate-2-validation.json: gate 2 (Mitigation readiness) was never evaluated",
                        "gate-4-validation.json: gate 4 (Resolution & documentation) was never evaluated");
    }
}
