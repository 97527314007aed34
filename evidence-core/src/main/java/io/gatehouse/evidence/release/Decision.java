package io.gatehouse.evidence.release;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseDecision;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.List;

/**
 * A go/no-go decision rehearsal-service published.
 *
 * @param revokedGoEventId the GO this NO_GO revokes, if it revokes one
 * @param gates each gate's outcome when the decision was taken
 */
record Decision(String eventId, ReleaseDecision decision, Instant decidedAt, List<String> reasons, String revokedGoEventId,
                String policyVersion, List<Standing> gates) {

    record Standing(int gate, GateOutcome outcome, String evaluationEventId) {
    }

    /** Every decision, in ledger order, the one that stands last. */
    static List<Decision> all(SubjectHistory history) {
        return history.all(ReleaseDecided.class).stream().map(Decision::of).toList();
    }

    private static Decision of(Recorded<ReleaseDecided> recorded) {
        ReleaseDecided d = recorded.event();
        return new Decision(recorded.eventId(), d.getDecision(), d.getDecidedAt(), List.copyOf(d.getReasons()), d.getRevokedGoEventId(),
                d.getPolicyVersion(), d.getGates().stream().map(g -> new Standing(g.getGate(), g.getOutcome(), g.getEvaluationEventId())).toList());
    }
}
