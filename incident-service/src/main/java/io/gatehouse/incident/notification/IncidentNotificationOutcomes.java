package io.gatehouse.incident.notification;

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

/**
 * What the end of a notification about an incident means: it is recorded under the incident's lock, published on
 * gatehouse.incidents (StakeholdersNotified), and announced to the gates waiting on it ({@link NotificationEnded}).
 */
@ApplicationScoped
public class IncidentNotificationOutcomes implements NotificationOutcomes {

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
        NotificationReason reason = reasonOf(notification);
        StakeholdersNotified event = StakeholdersNotified.newBuilder()
                .setIncidentId(notification.subject())
                .setNotificationId(notification.id())
                .setChannel(notification.channel())
                .setAudience(notification.audience())
                .setSeverity(Severity.valueOf(notification.label(StakeholderNotice.SEVERITY)))
                .setReason(reason.published())
                .setOutcome(notification.delivered() ? NotificationOutcome.DELIVERED : NotificationOutcome.FAILED)
                .setAttempts(notification.attempts())
                .setRequestedAt(notification.requestedAt())
                .setCompletedAt(notification.completedAt())
                .setLatencyMillis(notification.latency().toMillis())
                .setLastError(notification.lastError())
                .build();
        return outbox.append(Topics.INCIDENTS, notification.subject(), event, notification.id(), notification.completedAt());
    }

    @Override
    public void outcomeRecorded(Notification notification) {
        ended.fire(new NotificationEnded(notification.subject(), reasonOf(notification), notification.outcomeEventId(),
                notification.completedAt()));
    }

    private static NotificationReason reasonOf(Notification notification) {
        return NotificationReason.ofKind(notification.kind()).orElseThrow(
                () -> new IllegalStateException("notification " + notification.id() + " has kind " + notification.kind()
                        + ", which incident-service never asks for"));
    }
}
