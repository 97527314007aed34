package io.gatehouse.evidence.release;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * gate-waivers.json: every waiver granted for protocol 14's gates, with its risk assessment, compensating controls
 * and expiry, beside who may waive each gate and the gate's latest outcome. An empty list is a fact too: once the
 * release is registered, it says no gate was waived.
 *
 * @param asOf the release's latest event: a waiver expired by then is named as such
 */
record GateWaivers(String releaseId, boolean happened, String statement, Instant asOf, int waiverCount, List<Gate> gates) {

    /**
     * @param waivedBy who may waive the gate, in words
     * @param outcome the gate's latest outcome, WAIVED once every role its waiver needs has waived it
     */
    record Gate(int gate, String name, String waivedBy, GateOutcome outcome, List<Waiver> waivers) {
    }

    /** @param compensatingControls what a waiver of gate 3 needs; null for gate 1 */
    record Waiver(String eventId, int gate, Instant grantedAt, String grantedBy, String role, String riskAssessment,
                  String compensatingControls, Instant expiresAt, boolean expired) {

        static Waiver of(Recorded<GateWaiverGranted> recorded, Instant asOf) {
            GateWaiverGranted w = recorded.event();
            return new Waiver(recorded.eventId(), w.getGate(), w.getGrantedAt(), w.getGrantedBy(), w.getRole(), w.getRiskAssessment(),
                    w.getCompensatingControls(), w.getExpiresAt(), w.getExpiresAt() != null && !w.getExpiresAt().isAfter(asOf));
        }
    }

    static GateWaivers of(SubjectHistory history) {
        Instant asOf = history.latestTime();
        List<Gate> gates = IntStream.rangeClosed(1, Gates.NAMES.size()).mapToObj(gate -> new Gate(gate, Gates.status(history, gate).name(),
                Gates.WAIVERS.get(gate - 1), Gates.status(history, gate).outcome(),
                history.waivers(gate).stream().map(w -> Waiver.of(w, asOf)).toList())).toList();
        int count = gates.stream().mapToInt(g -> g.waivers().size()).sum();
        List<String> waived = gates.stream().filter(g -> g.outcome() == GateOutcome.WAIVED).map(g -> "gate " + g.gate()).toList();
        String statement = count == 0 ? "No gate was waived."
                : count + " waiver(s) granted; " + (waived.isEmpty() ? "no gate stands waived." : "waived: " + String.join(" and ", waived) + ".");
        return new GateWaivers(history.subject(), Registration.of(history).isPresent(), statement, asOf, count, gates);
    }

    /** The waivers and the evaluations whose outcome the file repeats, in ledger order. */
    static List<LedgerEvent> sources(SubjectHistory history) {
        List<String> ids = new ArrayList<>();
        IntStream.rangeClosed(1, Gates.NAMES.size()).forEach(gate -> {
            history.waivers(gate).forEach(w -> ids.add(w.eventId()));
            Gates.latest(history, gate).ifPresent(e -> ids.add(e.eventId()));
        });
        return history.events().stream().filter(e -> ids.contains(e.eventId())).toList();
    }
}
