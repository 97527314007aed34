package io.gatehouse.messaging.notification;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One message about a subject (an incident, a release) on one channel, and every attempt to deliver it. Written when a
 * service requests it ({@link #request}), claimed and recorded by {@link NotificationSender}; what it means to the
 * service (its kind and labels) is the service's to interpret ({@link NotificationOutcomes}).
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    String id;

    /** The claim, the delivery's outcome and their retries run in separate transactions: none may overwrite a newer one. */
    @Version
    long version;

    /** The incident or release the notification is about. */
    @Column(nullable = false)
    String subject;

    /** Why it is sent, in the requesting service's words (e.g. {@code incident-opened}, {@code gate-failed}). */
    @Column(nullable = false)
    String kind;

    /** What else the requesting service needs to know of it when it ends (e.g. the severity announced, the gate that failed). */
    @Convert(converter = Labels.class)
    @Column(nullable = false)
    Map<String, String> labels;

    @Column(nullable = false)
    String channel;

    /** The roles the channel reaches, comma-separated, as the policy routed them. */
    @Column(nullable = false)
    String audience;

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

    /** The event that published the outcome. */
    @Column(name = "outcome_event_id")
    String outcomeEventId;

    /**
     * Asks for a notification, in the transaction of the change it announces, so that none is lost to a crash; it is
     * delivered afterwards. A notification with this id that exists already is left as it is: the same cause asks once.
     *
     * @param id derived from the cause and the channel, so that reprocessing the cause asks for the same notification
     * @param at time of the event that called for it
     * @return the notification, new or the existing one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public static Notification request(String id, String subject, String kind, Map<String, String> labels, String channel,
                                       List<String> audience, String text, Instant at) {
        Notification existing = findById(id);
        if (existing != null) {
            return existing;
        }
        Notification notification = new Notification();
        notification.id = id;
        notification.subject = subject;
        notification.kind = kind;
        notification.labels = new TreeMap<>(labels);
        notification.channel = channel;
        notification.audience = String.join(",", audience);
        notification.text = text;
        notification.requestedAt = at;
        notification.status = NotificationStatus.PENDING;
        notification.attempts = 0;
        notification.nextAttemptAt = at;
        notification.persist();
        // Delivered when the change it announces commits, not at the sender's next poll.
        InstanceHandle<NotificationSender> sender = Arc.container().instance(NotificationSender.class);
        if (sender.isAvailable()) {
            sender.get().deliverAfterCommit();
        }
        return notification;
    }

    /** Every notification about {@code subject}, oldest first. */
    public static List<Notification> about(String subject) {
        return list("subject", Sort.ascending("requestedAt", "channel"), subject);
    }

    public String id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String kind() {
        return kind;
    }

    /** The label the requesting service gave it under {@code name}; null when it gave none. */
    public String label(String name) {
        return labels.get(name);
    }

    public String channel() {
        return channel;
    }

    /** The roles the channel reaches. */
    public List<String> audience() {
        return List.of(audience.split(","));
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

    /** The event that published the outcome; null while it is pending. */
    public String outcomeEventId() {
        return outcomeEventId;
    }

    /** From the request to the outcome; null while pending. */
    public Duration latency() {
        return completedAt == null ? null : Duration.between(requestedAt, completedAt);
    }
}
