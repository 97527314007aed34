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
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One message about an incident on one channel, and every attempt to deliver it. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    /** Why stakeholders are told: the incident was opened (gate 1 times this one), or its severity changed. */
    public static final String INCIDENT_OPENED = "incident-opened";
    public static final String SEVERITY_CHANGED = "severity-changed";
    /** Stakeholders are told the incident is resolved; gate 4 waits for these. */
    public static final String INCIDENT_RESOLVED = "incident-resolved";

    @Id
    public String id;

    @Column(name = "incident_id", nullable = false)
    public String incidentId;

    @Column(nullable = false)
    public String channel;

    /** The roles the channel reaches, comma-separated, as the policy routed them. */
    @Column(nullable = false)
    public String audience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String text;

    /** Time of the event that called for the notification; latency is measured from here. */
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "last_error")
    public String lastError;

    /** The StakeholdersNotified event that recorded the outcome. */
    @Column(name = "outcome_event_id")
    public String outcomeEventId;

    public Duration latency() {
        return completedAt == null ? null : Duration.between(requestedAt, completedAt);
    }

    public static List<Notification> ofIncident(String incidentId) {
        return list("incidentId", Sort.ascending("requestedAt", "channel"), incidentId);
    }
}
