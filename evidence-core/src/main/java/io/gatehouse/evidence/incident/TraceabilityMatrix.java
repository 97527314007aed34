package io.gatehouse.evidence.incident;

import io.gatehouse.evidence.artifacts.EventRef;
import io.gatehouse.evidence.artifacts.EvidencePlan;
import io.gatehouse.evidence.artifacts.PlannedArtifact;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * traceability-matrix.json: for each artifact of the set, the events it is derived from and the gates that rest on it,
 * and for each evaluated gate, what it rests on and which artifacts carry it.
 *
 * @param rule when a gate rests on an artifact, in words, so the file explains itself
 * @param artifacts every artifact the manifest lists (this one included; the manifest itself is the index), by name
 * @param gates every gate evaluated at least once, by number; a gate never evaluated rests on nothing
 */
record TraceabilityMatrix(String incidentId, boolean happened, String rule, List<Row> artifacts, List<Gate> gates) {

    static final String RULE = "Gate N rests on an artifact when the artifact is derived from an evaluation of gate N, or from an event"
            + " that an evaluation of gate N cites as evidence (GateEvaluated.evidenceEventIds).";

    /**
     * @param derivedFrom in ledger order
     * @param gates the gates that rest on the artifact, ascending
     */
    record Row(String artifact, List<EventRef> derivedFrom, List<Integer> gates) {
    }

    /**
     * @param basis the gate's evaluations and the events they cite: recorded ones in ledger order, then any the ledger
     *     does not hold (type null) in the order they were cited
     * @param artifacts the artifacts that rest on the gate's basis, by name
     */
    record Gate(int gate, String name, List<EventRef> basis, List<String> artifacts) {
    }

    static TraceabilityMatrix of(SubjectHistory history, EvidencePlan plan) {
        Map<Integer, Set<String>> basisByGate = new TreeMap<>();
        for (int gate = 1; gate <= GateValidation.NAMES.size(); gate++) {
            if (!history.evaluations(gate).isEmpty()) {
                basisByGate.put(gate, GateValidation.basis(history, gate));
            }
        }
        List<Row> rows = plan.artifacts().stream().map(artifact -> new Row(artifact.name(),
                artifact.sources().stream().map(EventRef::of).toList(),
                basisByGate.entrySet().stream().filter(gate -> restsOn(artifact, gate.getValue())).map(Map.Entry::getKey).toList())).toList();
        List<Gate> gates = new ArrayList<>();
        basisByGate.forEach((gate, basis) -> gates.add(new Gate(gate, GateValidation.name(history, gate), refs(history, basis),
                plan.artifacts().stream().filter(artifact -> restsOn(artifact, basis)).map(PlannedArtifact::name).toList())));
        return new TraceabilityMatrix(history.subject(), true, RULE, rows, gates);
    }

    private static boolean restsOn(PlannedArtifact artifact, Set<String> basis) {
        return artifact.sources().stream().anyMatch(source -> basis.contains(source.eventId()));
    }

    private static List<EventRef> refs(SubjectHistory history, Set<String> basis) {
        return Stream.concat(
                history.events().stream().filter(e -> basis.contains(e.eventId())).map(EventRef::of),
                basis.stream().filter(id -> history.event(id).isEmpty()).map(id -> new EventRef(id, null))).toList();
    }
}
