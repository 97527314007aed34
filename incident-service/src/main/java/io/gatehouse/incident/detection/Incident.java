package io.gatehouse.incident.detection;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.Severity;
import io.gatehouse.incident.errors.ActionRefused;
import io.gatehouse.incident.errors.IncidentNotFound;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An incident: the state incident-service keeps; what it publishes about it are the events in io.gatehouse.events. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "grouping_key", nullable = false)
    public String groupingKey;

    public String service;

    @Column(name = "alert_name", nullable = false)
    public String alertName;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(name = "severity_rule", nullable = false)
    public String severityRule;

    @Column(name = "severity_rationale", nullable = false)
    public String severityRationale;

    /** The incident commander who settled the severity; null while it is only proposed. */
    @Column(name = "severity_confirmed_by")
    public String severityConfirmedBy;

    @Column(name = "severity_confirmed_at")
    public Instant severityConfirmedAt;

    /** The SeverityConfirmed event, which gate 1 cites as its evidence of consensus. */
    @Column(name = "severity_confirmed_event_id")
    public String severityConfirmedEventId;

    /** The outcome of gate 1's latest evaluation; null until it was evaluated. */
    @Enumerated(EnumType.STRING)
    @Column(name = "gate1_outcome")
    public GateOutcome gate1Outcome;

    /** Why the incident was closed, in the closer's words. */
    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "resolution_summary")
    public String resolutionSummary;

    @Column(name = "slo_restored")
    public Boolean sloRestored;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "follow_ups")
    public List<String> followUps;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolution_event_id")
    public String resolutionEventId;

    @Enumerated(EnumType.STRING)
    @Column(name = "gate4_outcome")
    public GateOutcome gate4Outcome;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<IncidentAlert> alerts = new ArrayList<>();

    public static Optional<Incident> findOpen(String groupingKey) {
        return find("groupingKey = ?1 and status = ?2", groupingKey, IncidentStatus.OPEN).firstResultOptional();
    }

    /**
     * The incident a person acts on, which must be open.
     *
     * @throws IncidentNotFound when there is none with this id
     * @throws ActionRefused when it is closed
     */
    public static Incident requireOpen(String id, String action) {
        Incident incident = Incident.<Incident>findByIdOptional(id).orElseThrow(() -> new IncidentNotFound(id));
        if (incident.status != IncidentStatus.OPEN) {
            throw new ActionRefused(action, "incident " + id + " is " + incident.status + (incident.closedReason == null ? "" : ": " + incident.closedReason),
                    "act on an open incident");
        }
        return incident;
    }

    /** The open incident an alert with this id was grouped into, if any. */
    public static Optional<Incident> findOpenHolding(String alertId) {
        return find("select distinct i from Incident i join i.alerts a where i.status = ?1 and a.alertId = ?2", IncidentStatus.OPEN, alertId)
                .firstResultOptional();
    }

    public Optional<IncidentAlert> alert(String alertId) {
        return alerts.stream().filter(a -> a.alertId.equals(alertId)).findFirst();
    }
}
