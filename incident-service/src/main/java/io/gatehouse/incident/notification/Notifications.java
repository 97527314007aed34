package io.gatehouse.incident.notification;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.events.Severity;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.policy.IncidentPolicy;
import io.gatehouse.incident.policy.NotificationPolicy;
import io.gatehouse.messaging.notification.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Calls for notifications as the policy routes them: to stakeholders, per severity, and to the roles a failed gate
 * concerns. A notification is written in the transaction of the change it announces and delivered afterwards by the
 * shared sender, so none is lost to a crash.
 */
@ApplicationScoped
public class Notifications {

    /** The kind of a failed gate's notice; its labels name the gate and the GateEvaluated event that failed. */
    static final String GATE_FAILED = "gate-failed";
    static final String GATE = "gate";
    static final String GATE_EVALUATION = "gateEvaluationEventId";

    private final IncidentPolicy policy;

    Notifications(IncidentPolicy policy) {
        this.policy = policy;
    }

    /** One notification per channel the incident's current severity is routed to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(Incident incident, NotificationReason reason, String causeEventId, Instant at) {
        request(incident, reason, incident.severity(), causeEventId, at);
    }

    /** One notification per channel {@code severity} is routed to: a proposal is announced to its own audience. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(Incident incident, NotificationReason reason, Severity severity, String causeEventId, Instant at) {
        NotificationPolicy.Route route = policy.notifications().routeFor(severity);
        for (String channel : route.channels()) {
            Notification.request(CloudEvent.deriveId(causeEventId, "notification", channel), incident.id(), reason.published(),
                    Map.of(StakeholderNotice.SEVERITY, severity.name()), channel, route.audience(), textOf(incident, reason, severity, route), at);
        }
    }

    /**
     * One notice per channel the failure of {@code gate} is routed to, once per failed evaluation: its id derives from the
     * GateEvaluated event, which derives from the evaluation's cause, so a redelivered cause asks for none again.
     *
     * @param report the failure as the error template reports it, with the gate's criteria and what was actual
     * @param at time of the evaluation; the notice's latency runs from here
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestGateFailure(Incident incident, int gate, ErrorReport report, String gateEvaluationEventId, Instant at) {
        NotificationPolicy.Route route = policy.notifications().gateFailureRouteFor(gate);
        for (String channel : route.channels()) {
            Notification.request(CloudEvent.deriveId(gateEvaluationEventId, "notification", channel), incident.id(), GATE_FAILED,
                    Map.of(GATE, String.valueOf(gate), GATE_EVALUATION, gateEvaluationEventId), channel, route.audience(),
                    gateFailureTextOf(incident, report, route), at);
        }
    }

    private static String gateFailureTextOf(Incident incident, ErrorReport report, NotificationPolicy.Route route) {
        return "[" + report.severity() + "] " + report.failed() + " failed: " + incident.title()
                + "\nContext: " + report.context()
                + "\nResolution: " + report.resolution()
                + "\nImpact: " + report.impact()
                + "\nCriteria: " + report.criteria()
                + "\nActual: " + report.actual()
                + "\nIncident " + incident.id() + " · service " + (incident.service() == null ? "unknown" : incident.service())
                + " · for " + String.join(", ", route.audience());
    }

    private static String textOf(Incident incident, NotificationReason reason, Severity severity, NotificationPolicy.Route route) {
        String standing = label(incident.severity());
        String what = switch (reason) {
            case INCIDENT_OPENED -> "Incident opened";
            case SEVERITY_CHANGED -> "Incident severity is now " + standing;
            case SEVERITY_PROPOSED -> "Alerts now suggest " + label(severity) + "; " + standing + " stands until the incident commander confirms";
            case INCIDENT_RESOLVED -> "Incident resolved (" + incident.resolutionSummary() + ")";
        };
        return "[" + label(severity) + "] " + what + ": " + incident.title()
                + "\nService: " + (incident.service() == null ? "unknown" : incident.service()) + " · alert " + incident.alertName()
                + "\nWhy " + standing + ": " + incident.severityRationale()
                + (incident.severityConfirmedBy() == null ? " (proposed, not yet confirmed)" : " (confirmed by " + incident.severityConfirmedBy() + ")")
                + "\nIncident " + incident.id() + " · for " + String.join(", ", route.audience());
    }

    private static String label(Severity severity) {
        return severity.name().replace('_', '-');
    }
}
