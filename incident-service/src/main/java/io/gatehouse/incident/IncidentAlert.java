package io.gatehouse.incident;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.incident.severity.SeveritySignals;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One alert grouped into an incident, as last reported by its source. Part of the incident; changed only through it. */
@Entity
@Table(name = "incident_alert")
public class IncidentAlert extends PanacheEntityBase {

    /** From the sequence 500 at a time (a batch of records), so a batch's alerts are inserted in JDBC batches; ids give their order. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_alert_id")
    @SequenceGenerator(name = "incident_alert_id", sequenceName = "incident_alert_id_seq", allocationSize = 500)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
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

    /** Takes what the delivery reports; true when its labels or annotations differ from what the alert reported before. */
    boolean update(String eventId, AlertReceived alert) {
        Map<String, String> reportedLabels = labels;
        Map<String, String> reportedAnnotations = annotations;
        status = alert.getStatus();
        startsAt = alert.getStartsAt();
        endsAt = null;
        labels = new TreeMap<>(alert.getLabels());
        annotations = new TreeMap<>(alert.getAnnotations());
        lastEventId = eventId;
        lastReceivedAt = alert.getReceivedAt();
        return !labels.equals(reportedLabels) || !annotations.equals(reportedAnnotations);
    }

    /** 1 while the alert fires or is acknowledged, 0 once resolved: what it adds to its incident's firing count. */
    long firing() {
        return status == AlertStatus.RESOLVED ? 0 : 1;
    }

    /** The alerts with these ids of these incidents, through the index on (incident_id, alert_id). */
    static List<IncidentAlert> ofIncidents(Collection<String> incidentIds, Collection<String> alertIds) {
        @SuppressWarnings("unchecked")
        List<IncidentAlert> alerts = getEntityManager().createNativeQuery("select a.* from unnest(cast(?2 as varchar[])) as wanted (alert_id)"
                        + " join incident_alert a on a.alert_id = wanted.alert_id where a.incident_id = any(cast(?1 as varchar[]))", IncidentAlert.class)
                .setParameter(1, incidentIds.toArray(String[]::new)).setParameter(2, alertIds.toArray(String[]::new)).getResultList();
        return alerts;
    }

    /** The facts of every alert of the incident, in their order, for gathering its severity signals again. */
    static List<SeveritySignals.AlertFacts> factsOf(String incidentId) {
        return getEntityManager().createQuery("select a.labels, a.annotations from IncidentAlert a where a.incident.id = ?1 order by a.id",
                        Object[].class)
                .setParameter(1, incidentId).getResultStream()
                .map(row -> new SeveritySignals.AlertFacts(castMap(row[0]), castMap(row[1]))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> castMap(Object value) {
        return (Map<String, String>) value;
    }

    void resolve(String eventId, AlertReceived alert) {
        status = AlertStatus.RESOLVED;
        endsAt = alert.getEndsAt();
        lastEventId = eventId;
        lastReceivedAt = alert.getReceivedAt();
    }

    String incidentId() {
        return incident.id();
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
