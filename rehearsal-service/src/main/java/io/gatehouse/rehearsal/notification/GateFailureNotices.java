package io.gatehouse.rehearsal.notification;

import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.messaging.notification.Notification;
import io.gatehouse.rehearsal.Release;
import io.gatehouse.rehearsal.gates.GateVerdict;
import io.gatehouse.rehearsal.policy.GateRoute;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Announces a failed gate to the roles protocol 14 names for it, on the channels the policy routes it to. A notice is
 * written in the transaction of the evaluation that failed and delivered afterwards by the shared sender, so none is
 * lost to a crash; its end is published as GateFailureAnnounced ({@link ReleaseNotificationOutcomes}).
 */
@ApplicationScoped
public class GateFailureNotices {

    /** The kind of every notification rehearsal-service asks for. */
    static final String KIND = "gate-failed";
    /** The labels under which a notice keeps the gate that failed and the GateEvaluated event that said so. */
    static final String GATE = "gate";
    static final String EVALUATION = "evaluation";

    private final ReleasePolicy policy;

    GateFailureNotices(ReleasePolicy policy) {
        this.policy = policy;
    }

    /**
     * @param evaluationEventId the GateEvaluated event of the failure: the notice's cause
     * @param at that evaluation's time, from which the notice's latency is measured
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Release release, GateVerdict failed, String evaluationEventId, Instant at) {
        GateRoute route = policy.routeFor(failed.gate());
        String text = GateFailureNotice.textOf(release.registration(), failed, route.audience());
        for (String channel : route.channels()) {
            Notification.request(CloudEvent.deriveId(evaluationEventId, "notification", channel), release.id(), KIND,
                    Map.of(GATE, String.valueOf(failed.gate()), EVALUATION, evaluationEventId), channel, route.audience(), text, at);
        }
    }
}
