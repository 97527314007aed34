package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.RenderedFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.evidence.artifacts.Artifact;
import io.gatehouse.evidence.artifacts.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class TraceabilityMatrixTest {

    @Test
    void everyArtifactIsListedWithTheEventsItIsDerivedFromAsTheManifestSays() {
        Evidence evidence = IncidentLedger.wholeIncident().render();

        JsonNode matrix = json(evidence, "traceability-matrix.json");

        assertThat(matrix.get("artifacts")).extracting(a -> a.get("artifact").asText())
                .containsExactlyElementsOf(IncidentEvidenceRendererTest.everyArtifact());
        for (Artifact artifact : evidence.artifacts()) {
            assertThat(row(matrix, artifact.name()).get("derivedFrom")).as(artifact.name()).extracting(e -> e.get("eventId").asText())
                    .containsExactlyElementsOf(artifact.derivedFrom());
        }
        assertThat(row(matrix, "mitigation-plan.md").get("derivedFrom").get(0).get("type").asText())
                .isEqualTo("io.gatehouse.events.MitigationPlanned");
    }

    @Test
    void aGateRestsOnTheArtifactsDerivedFromItsEvaluationsOrFromTheEventsTheyCite() {
        JsonNode matrix = json(IncidentLedger.wholeIncident().render(), "traceability-matrix.json");

        // gate 1 cites the confirmation (event-5) and the notification (event-3)
        assertThat(gates(matrix, "communication-log.md")).containsExactly(1);
        assertThat(gates(matrix, "severity-assessment.json")).containsExactly(1);
        // gate 2 cites the plan, the readiness check and both approvals (event-8 to 11)
        assertThat(gates(matrix, "mitigation-plan.md")).containsExactly(2);
        assertThat(gates(matrix, "rollback-readiness-checklist.json")).containsExactly(2);
        // the decision log holds the confirmation, the approvals and the gate 3 waiver (event-19)
        assertThat(gates(matrix, "decision-log.json")).containsExactly(1, 2, 3);
        assertThat(gates(matrix, "mitigation-execution-report.json")).containsExactly(3);
        assertThat(gates(matrix, "recovery-validation.json")).containsExactly(3);
        // a gate's own report is derived from its evaluations
        assertThat(gates(matrix, "gate-3-validation.json")).containsExactly(3);
        assertThat(gates(matrix, "rca-manifest.json")).containsExactly(4);
        assertThat(gates(matrix, "resolution-summary.json")).containsExactly(4);
        // derived from every event, so from every gate's evaluations
        assertThat(gates(matrix, "incident-timeline.md")).containsExactly(1, 2, 3, 4);
        // no gate cites the opening, the later proposal, feedback or sign-offs
        assertThat(gates(matrix, "incident-intake-log.md")).isEmpty();
        assertThat(gates(matrix, "alert-tuning-feedback.json")).isEmpty();
        assertThat(gates(matrix, "reviewer-signoff.json")).isEmpty();
    }

    @Test
    void eachEvaluatedGateNamesWhatItRestsOnAndTheArtifactsThatCarryIt() {
        JsonNode matrix = json(IncidentLedger.wholeIncident().render(), "traceability-matrix.json");

        JsonNode gate1 = matrix.at("/gates/0");
        assertThat(gate1.get("gate").asInt()).isEqualTo(1);
        assertThat(gate1.get("name").asText()).isEqualTo("Severity alignment");
        assertThat(gate1.get("basis")).extracting(e -> e.get("eventId").asText()).as("in ledger order").containsExactly("event-3", "event-5", "event-6");
        assertThat(gate1.get("artifacts")).extracting(JsonNode::asText).containsExactly("INCIDENT-REPORT.md", "communication-log.md",
                "decision-log.json", "gate-1-validation.json", "incident-timeline.md", "severity-assessment.json", "traceability-matrix.json");
        assertThat(matrix.get("gates")).extracting(g -> g.get("gate").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(matrix.get("rule").asText()).startsWith("Gate N rests on an artifact when");
    }

    @Test
    void withoutAnyGateEvaluatedNothingRestsOnAGate() {
        JsonNode matrix = json(IncidentLedger.openedAndClassified().render(), "traceability-matrix.json");

        assertThat(matrix.get("gates")).isEmpty();
        assertThat(matrix.get("artifacts")).allSatisfy(row -> assertThat(row.get("gates")).isEmpty());
    }

    private static JsonNode row(JsonNode matrix, String artifact) {
        return StreamSupport.stream(matrix.get("artifacts").spliterator(), false).filter(r -> r.get("artifact").asText().equals(artifact))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + artifact));
    }

    private static List<Integer> gates(JsonNode matrix, String artifact) {
        List<Integer> gates = new ArrayList<>();
        row(matrix, artifact).get("gates").forEach(g -> gates.add(g.asInt()));
        return gates;
    }
}
