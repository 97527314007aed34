package io.gatehouse.rehearsal.notification;

import io.gatehouse.events.GateFailureAnnounced;
import io.gatehouse.events.NotificationOutcome;
import io.gatehouse.events.Topics;
import io.gatehouse.messaging.notification.Notification;
import io.gatehouse.messaging.notification.NotificationOutcomes;
import io.gatehouse.messaging.outbox.Outbox;
import io.gatehouse.rehearsal.Release;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the end of a gate-failure notice means: it is recorded under the release's lock, like every other write of
 * the release, and published on gatehouse.releases as GateFailureAnnounced, delivered (with its latency) or given up.
 */
@ApplicationScoped
public class ReleaseNotificationOutcomes implements NotificationOutcomes {

    private final Outbox outbox;

    ReleaseNotificationOutcomes(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void lockSubject(String releaseId) {
        Release.lockRegistered(releaseId);
    }

    @Override
    public String publishOutcome(Notification notification) {
        GateFailureAnnounced event = GateFailureAnnounced.newBuilder()
                .setSubject(notification.subject())
                .setProtocol(14)
                .setGate(Integer.parseInt(notification.label(GateFailureNotices.GATE)))
                .setNotificationId(notification.id())
                .setChannel(notification.channel())
                .setAudience(notification.audience())
                .setGateEvaluationEventId(notification.label(GateFailureNotices.EVALUATION))
                .setOutcome(notification.delivered() ? NotificationOutcome.DELIVERED : NotificationOutcome.FAILED)
                .setAttempts(notification.attempts())
                .setRequestedAt(notification.requestedAt())
                .setCompletedAt(notification.completedAt())
                .setLatencyMillis(notification.latency().toMillis())
                .setLastError(notification.lastError())
                .build();
        return outbox.append(Topics.RELEASES, notification.subject(), event, notification.id(), notification.completedAt());
    }
}
