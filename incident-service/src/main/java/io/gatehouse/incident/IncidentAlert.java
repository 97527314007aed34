package io.gatehouse.incident;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One alert grouped into an incident, as last reported by its source. Part of the incident; changed only through it. */
@Entity
@Table(name = "incident_alert")
public class IncidentAlert extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "incident_id")
    private Incident incident;

    @Column(name = "alert_id", nullable = false)
    private String alertId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlertStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> labels;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> annotations;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    @Column(name = "last_event_id", nullable = false)
    private String lastEventId;

    @Column(name = "last_received_at", nullable = false)
    private Instant lastReceivedAt;

    static IncidentAlert of(Incident incident, String eventId, AlertReceived alert) {
        IncidentAlert known = new IncidentAlert();
        known.incident = incident;
        known.alertId = alert.getAlertId();
        known.update(eventId, alert);
        known.endsAt = alert.getEndsAt();
        return known;
    }

    /** Whether the delivery says something new: another status, or the alert fired again. */
    boolean isChangedBy(AlertReceived alert) {
        return status != alert.getStatus() || !startsAt.equals(alert.getStartsAt());
    }

    void update(String eventId, AlertReceived alert) {
        status = alert.getStatus();
        startsAt = alert.getStartsAt();
        endsAt = null;
        labels = new TreeMap<>(alert.getLabels());
        annotations = new TreeMap<>(alert.getAnnotations());
        lastEventId = eventId;
        lastReceivedAt = alert.getReceivedAt();
    }

    void resolve(String eventId, AlertReceived alert) {
        status = AlertStatus.RESOLVED;
        endsAt = alert.getEndsAt();
        lastEventId = eventId;
        lastReceivedAt = alert.getReceivedAt();
    }

    public String alertId() {
        return alertId;
    }

    public AlertStatus status() {
        return status;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public Map<String, String> annotations() {
        return annotations;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String lastEventId() {
        return lastEventId;
    }
}
