package io.gatehouse.incident.notification;

import io.gatehouse.events.GateFailureAnnounced;
import io.gatehouse.events.NotificationOutcome;
import io.gatehouse.events.Severity;
import io.gatehouse.events.StakeholdersNotified;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.Incident;
import io.gatehouse.messaging.notification.Notification;
import io.gatehouse.messaging.notification.NotificationOutcomes;
import io.gatehouse.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the end of a notification about an incident means: it is recorded under the incident's lock and published on
 * gatehouse.incidents, as StakeholdersNotified (announced to the gates waiting on it, {@link NotificationEnded}) or, for
 * a failed gate's notice, as GateFailureAnnounced.
 */
@ApplicationScoped
public class IncidentNotificationOutcomes implements NotificationOutcomes {

    private static final int PROTOCOL = 17;

    private final Outbox outbox;
    private final Event<NotificationEnded> ended;

    IncidentNotificationOutcomes(Outbox outbox, Event<NotificationEnded> ended) {
        this.outbox = outbox;
        this.ended = ended;
    }

    @Override
    public void lockSubject(String incidentId) {
        Incident.lock(incidentId);
    }

    @Override
    public String publishOutcome(Notification notification) {
        NotificationOutcome outcome = notification.delivered() ? NotificationOutcome.DELIVERED : NotificationOutcome.FAILED;
        SpecificRecord event;
        if (Notifications.GATE_FAILED.equals(notification.kind())) {
            event = GateFailureAnnounced.newBuilder()
                    .setSubject(notification.subject())
                    .setProtocol(PROTOCOL)
                    .setGate(Integer.parseInt(notification.label(Notifications.GATE)))
                    .setNotificationId(notification.id())
                    .setChannel(notification.channel())
                    .setAudience(notification.audience())
                    .setGateEvaluationEventId(notification.label(Notifications.GATE_EVALUATION))
                    .setOutcome(outcome)
                    .setAttempts(notification.attempts())
                    .setRequestedAt(notification.requestedAt())
                    .setCompletedAt(notification.completedAt())
                    .setLatencyMillis(notification.latency().toMillis())
                    .setLastError(notification.lastError())
                    .build();
        } else {
            event = StakeholdersNotified.newBuilder()
                    .setIncidentId(notification.subject())
                    .setNotificationId(notification.id())
                    .setChannel(notification.channel())
                    .setAudience(notification.audience())
                    .setSeverity(Severity.valueOf(notification.label(StakeholderNotice.SEVERITY)))
                    .setReason(reasonOf(notification).published())
                    .setOutcome(outcome)
                    .setAttempts(notification.attempts())
                    .setRequestedAt(notification.requestedAt())
                    .setCompletedAt(notification.completedAt())
                    .setLatencyMillis(notification.latency().toMillis())
                    .setLastError(notification.lastError())
                    .build();
        }
        return outbox.append(Topics.INCIDENTS, notification.subject(), event, notification.id(), notification.completedAt());
    }

    /** Gates 1 and 4 wait for stakeholder notifications; nothing waits for a failed gate's notice. */
    @Override
    public void outcomeRecorded(Notification notification) {
        NotificationReason.ofKind(notification.kind()).ifPresent(reason -> ended.fire(new NotificationEnded(notification.subject(), reason,
                notification.outcomeEventId(), notification.completedAt())));
    }

    private static NotificationReason reasonOf(Notification notification) {
        return NotificationReason.ofKind(notification.kind()).orElseThrow(
                () -> new IllegalStateException("notification " + notification.id() + " has kind " + notification.kind()
                        + ", which incident-service never asks for"));
    }
}
