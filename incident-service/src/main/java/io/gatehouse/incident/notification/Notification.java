package io.gatehouse.incident.notification;

import io.gatehouse.events.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One message about an incident on one channel, and every attempt to deliver it. Owned by this package: written when
 * requested, claimed and recorded by {@link NotificationSender}.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    String id;

    /** The claim, the delivery's outcome and their retries run in separate transactions: none may overwrite a newer one. */
    @Version
    long version;

    @Column(name = "incident_id", nullable = false)
    String incidentId;

    @Column(nullable = false)
    String channel;

    /** The roles the channel reaches, comma-separated, as the policy routed them. */
    @Column(nullable = false)
    String audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    NotificationReason reason;

    @Column(nullable = false)
    String text;

    /** Time of the event that called for the notification; latency is measured from here. */
    @Column(name = "requested_at", nullable = false)
    Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    NotificationStatus status;

    @Column(nullable = false)
    int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    Instant nextAttemptAt;

    @Column(name = "completed_at")
    Instant completedAt;

    @Column(name = "last_error")
    String lastError;

    /** The StakeholdersNotified event that recorded the outcome. */
    @Column(name = "outcome_event_id")
    String outcomeEventId;

    public String channel() {
        return channel;
    }

    /** The roles the channel reaches. */
    public List<String> audience() {
        return List.of(audience.split(","));
    }

    public Severity severity() {
        return severity;
    }

    public NotificationReason reason() {
        return reason;
    }

    public String text() {
        return text;
    }

    public NotificationStatus status() {
        return status;
    }

    public boolean delivered() {
        return status == NotificationStatus.DELIVERED;
    }

    public boolean givenUp() {
        return status == NotificationStatus.FAILED;
    }

    public int attempts() {
        return attempts;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public String lastError() {
        return lastError;
    }

    /** The StakeholdersNotified event that recorded the outcome; null while it is pending. */
    public String outcomeEventId() {
        return outcomeEventId;
    }

    /** From the request to the outcome; null while pending. */
    public Duration latency() {
        return completedAt == null ? null : Duration.between(requestedAt, completedAt);
    }

    public static List<Notification> ofIncident(String incidentId) {
        return list("incidentId", Sort.ascending("requestedAt", "channel"), incidentId);
    }
}
