package io.gatehouse.evidence.release;

import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * readiness-approval.json: phase 4's readiness review. Every readiness approval with its expiry and the digest of
 * the evidence it approved, whether a later result made it stale; where each required readiness kind stands; gate 4
 * as rehearsal-service evaluated it; and the go/no-go decisions, the one that stands last.
 *
 * @param asOf the release's latest event: an approval expired by then is named as such
 * @param approvals every readiness approval, in ledger order
 * @param decision the decision that stands; null while none was taken
 * @param earlierDecisions the decisions it replaced, in ledger order, including a GO a later NO_GO revoked
 */
record ReadinessApproval(String releaseId, boolean happened, String statement, Instant asOf, List<Approvals.Required> required,
                         List<Approvals.Approval> approvals, Gates.GateStatus gate, Decision decision, List<Decision> earlierDecisions) {

    static ReadinessApproval of(SubjectHistory history) {
        Instant asOf = history.latestTime();
        List<Approvals.Approval> approvals = Approvals.approvals(history, false, asOf).toList();
        List<Approvals.Required> required = Approvals.required(history, approvals, false);
        List<Decision> decisions = Decision.all(history);
        Decision decision = Results.latest(decisions);
        return new ReadinessApproval(history.subject(), !approvals.isEmpty(), statement(required, decision), asOf, required, approvals,
                Gates.status(history, 4), decision, Results.superseded(decisions));
    }

    /** The readiness approvals and the results that made them stale, gate 4's evaluations and the decisions, in ledger order. */
    static List<LedgerEvent> sources(SubjectHistory history) {
        Set<String> ids = new LinkedHashSet<>();
        Approvals.readinessSources(history).forEach(e -> ids.add(e.eventId()));
        Gates.evaluations(history, 4).forEach(e -> ids.add(e.eventId()));
        history.of(ReleaseDecided.class).forEach(e -> ids.add(e.eventId()));
        return history.events().stream().filter(e -> ids.contains(e.eventId())).toList();
    }

    private static String statement(List<Approvals.Required> required, Decision decision) {
        List<String> pending = required.stream().filter(r -> !"GIVEN".equals(r.status()))
                .map(r -> r.kind() + " " + r.status().toLowerCase(Locale.ROOT)).toList();
        String approvals = pending.isEmpty() ? "Every required readiness approval is given." : "Not approved: " + String.join(", ", pending) + ".";
        return approvals + (decision == null ? " No go/no-go decision yet."
                : " Decision: " + decision.decision() + " at " + decision.decidedAt() + ".");
    }
}
