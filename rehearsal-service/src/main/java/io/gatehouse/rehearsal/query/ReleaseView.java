package io.gatehouse.rehearsal.query;

import io.gatehouse.messaging.notification.Notification;
import io.gatehouse.rehearsal.ReceivedResult;
import io.gatehouse.rehearsal.Release;
import io.gatehouse.rehearsal.ReleaseApproval;
import io.gatehouse.rehearsal.ReleaseGate;
import io.gatehouse.rehearsal.gates.Approval;
import io.gatehouse.rehearsal.gates.ReadinessApprovalGate;
import io.gatehouse.rehearsal.gates.Registration;
import io.gatehouse.rehearsal.gates.Waiver;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A release as the API shows it: what it was registered with, the decision with every reason it is not GO, each gate's
 * latest evaluation, and the approvals, waivers and results it rests on. Whether an approval or a waiver expired, and
 * whether a readiness approval needs renewing, is said as of the request.
 */
public record ReleaseView(
        String releaseId,
        String service,
        String version,
        String stagingEnvironment,
        String productionEnvironment,
        int rtoMinutes,
        String previousRelease,
        List<String> requiredArtifacts,
        List<String> requiredApprovals,
        List<String> expectedDifferences,
        String policyVersion,
        String registeredBy,
        Instant registeredAt,
        String decision,
        List<String> reasons,
        String decisionEventId,
        Instant decidedAt,
        Instant readySince,
        List<GateView> gates,
        List<ApprovalView> approvals,
        List<WaiverView> waivers,
        List<ResultView> results,
        List<NoticeView> notices) {

    public record GateView(int gate, String name, String outcome, Map<String, Double> metrics, Map<String, String> thresholds,
                           List<String> unmetConditions, String evaluationEventId, Instant evaluatedAt) {

        static GateView of(ReleaseGate gate) {
            return new GateView(gate.gate(), gate.name(), gate.outcome().name(), gate.metrics(), gate.thresholds(), gate.unmetConditions(),
                    gate.evaluationEventId(), gate.evaluatedAt());
        }
    }

    /**
     * @param stale for a readiness approval: it needs renewing, as {@code renewal} says why; upstream approvals are
     *     prerequisites and never go stale
     */
    public record ApprovalView(String eventId, String kind, String approver, String role, String note, Instant grantedAt, Instant expiresAt,
                               boolean expired, boolean stale, String renewal, String evidenceDigest) {
    }

    public record WaiverView(String eventId, int gate, String grantedBy, String role, String riskAssessment, String compensatingControls,
                             Instant grantedAt, Instant expiresAt, boolean expired) {
    }

    /** @param supersededBy the newer result of the same kind and scope that counts instead; null while this one counts */
    public record ResultView(String eventId, String kind, String scope, Instant receivedAt, String submittedBy, String supersededBy) {
    }

    /** A gate-failure notice on one channel, with its delivery record. */
    public record NoticeView(String channel, List<String> audience, String status, int attempts, Instant requestedAt, Instant completedAt,
                             Long latencyMillis, String lastError, String text) {

        static NoticeView of(Notification n) {
            return new NoticeView(n.channel(), n.audience(), n.status().name(), n.attempts(), n.requestedAt(), n.completedAt(),
                    n.latency() == null ? null : n.latency().toMillis(), n.lastError(), n.text());
        }
    }

    static ReleaseView of(Release release, Instant now) {
        Registration r = release.registration();
        List<ReadinessApprovalGate.Standing> readiness = ReadinessApprovalGate.standings(release.inputs(), now);
        return new ReleaseView(r.releaseId(), r.service(), r.version(), r.stagingEnvironment(), r.productionEnvironment(), r.rtoMinutes(),
                release.previousRelease(), r.requiredArtifacts(), r.requiredApprovals(), r.expectedDifferences(), release.policyVersion(),
                release.registeredBy(), release.registeredAt(), release.decision().name(), release.reasons(), release.decisionEventId(),
                release.decidedAt(), release.readySince(), release.standings().stream().map(GateView::of).toList(),
                release.approvals().stream().map(a -> approval(a, readiness, now)).toList(),
                release.waivers().stream().map(w -> waiver(w.waiver(), now)).toList(),
                release.results().stream().map(ReleaseView::result).toList(),
                Notification.about(release.id()).stream().map(NoticeView::of).toList());
    }

    private static ApprovalView approval(ReleaseApproval row, List<ReadinessApprovalGate.Standing> readiness, Instant now) {
        Approval a = row.approval();
        Optional<ReadinessApprovalGate.Standing> standing = readiness.stream().filter(s -> s.approval().eventId().equals(a.eventId())).findFirst();
        boolean stale = ReleasePolicy.READINESS.equals(a.kind()) && standing.map(s -> !s.current()).orElse(false);
        return new ApprovalView(a.eventId(), a.kind(), a.approver(), a.role(), row.note(), a.grantedAt(), a.expiresAt(), !a.countsAt(now), stale,
                standing.map(ReadinessApprovalGate.Standing::renewal).orElse(null), row.evidenceDigest());
    }

    private static WaiverView waiver(Waiver w, Instant now) {
        return new WaiverView(w.eventId(), w.gate(), w.person(), w.role(), w.riskAssessment(), w.compensatingControls(), w.grantedAt(),
                w.expiresAt(), !w.countsAt(now));
    }

    private static ResultView result(ReceivedResult r) {
        return new ResultView(r.eventId(), r.kind().name(), r.scope(), r.receivedAt(), r.submittedBy(), r.supersededBy());
    }
}
