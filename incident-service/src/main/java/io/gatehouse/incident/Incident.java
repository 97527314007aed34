package io.gatehouse.incident;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.Severity;
import io.gatehouse.incident.errors.ActionRefused;
import io.gatehouse.incident.errors.IncidentNotFound;
import io.gatehouse.incident.severity.Classification;
import io.gatehouse.incident.severity.SeveritySignals;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An incident: the state incident-service keeps, and the root of the aggregate its alerts and {@link Mitigation}
 * belong to. It changes only through the methods below, each saying what happened; what incident-service publishes
 * about it are the events in io.gatehouse.events.
 *
 * <p>Concurrent writers (HTTP commands, the alert and rollback consumers, the notification sender) each take the
 * incident's row lock first ({@link #lock}), so each reads the state the previous one committed; the version column
 * makes any writer that skipped the lock fail instead of writing over newer state.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    /** What a new classification did to the incident's severity. */
    public enum Reclassification {
        /** The classification says what the incident already says. */
        UNCHANGED,
        /** The severity was not settled yet, and the new classification replaced it. */
        CHANGED,
        /** The severity was settled: it stands, the new classification is a proposal awaiting consensus again. */
        PROPOSED,
        /** A pending proposal was withdrawn: the classification is back at the settled severity. */
        PROPOSAL_WITHDRAWN
    }

    @Id
    private String id;

    @Version
    private long version;

    @Column(name = "grouping_key", nullable = false)
    private String groupingKey;

    private String service;

    @Column(name = "alert_name", nullable = false)
    private String alertName;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IncidentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;

    @Column(name = "severity_rule", nullable = false)
    private String severityRule;

    @Column(name = "severity_rationale", nullable = false)
    private String severityRationale;

    /** A classification that arrived after the severity was settled; null when none awaits consensus. */
    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_severity")
    private Severity proposedSeverity;

    @Column(name = "proposed_rule")
    private String proposedRule;

    @Column(name = "proposed_rationale")
    private String proposedRationale;

    /** The incident commander who settled the severity; null while it is only proposed. */
    @Column(name = "severity_confirmed_by")
    private String severityConfirmedBy;

    @Column(name = "severity_confirmed_at")
    private Instant severityConfirmedAt;

    /** The SeverityConfirmed event, which gate 1 cites as its evidence of consensus. */
    @Column(name = "severity_confirmed_event_id")
    private String severityConfirmedEventId;

    /** The outcome of gate 1's latest evaluation; null until it was evaluated. */
    @Enumerated(EnumType.STRING)
    @Column(name = "gate1_outcome")
    private GateOutcome gate1Outcome;

    /** Why the incident was closed, in the closer's words. */
    @Column(name = "closed_reason")
    private String closedReason;

    @Column(name = "resolution_summary")
    private String resolutionSummary;

    @Column(name = "slo_restored")
    private Boolean sloRestored;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "follow_ups")
    private List<String> followUps;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolution_event_id")
    private String resolutionEventId;

    @Enumerated(EnumType.STRING)
    @Column(name = "gate4_outcome")
    private GateOutcome gate4Outcome;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<IncidentAlert> alerts = new ArrayList<>();

    /** An incident opened by its first alert, classified as the policy says. Persist it to keep it. */
    public static Incident open(String id, String groupingKey, String title, String openingEventId, AlertReceived alert,
                                Classification classification) {
        Incident incident = new Incident();
        incident.id = id;
        incident.groupingKey = groupingKey;
        incident.service = alert.getService();
        incident.alertName = alert.getAlertName();
        incident.title = title;
        incident.status = IncidentStatus.OPEN;
        incident.openedAt = alert.getReceivedAt();
        incident.updatedAt = alert.getReceivedAt();
        incident.alerts.add(IncidentAlert.of(incident, openingEventId, alert));
        incident.severity = classification.severity();
        incident.severityRule = classification.rule();
        incident.severityRationale = classification.rationale();
        return incident;
    }

    /**
     * The incident, locked for this transaction: the first step of every unit of work that changes it.
     *
     * @throws IncidentNotFound when there is none with this id
     */
    public static Incident lock(String id) {
        return Incident.<Incident>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> new IncidentNotFound(id));
    }

    /**
     * The open incident a person acts on, locked for this transaction.
     *
     * @throws IncidentNotFound when there is none with this id
     * @throws ActionRefused when it is closed
     */
    public static Incident lockOpen(String id, String action) {
        Incident incident = lock(id);
        incident.requireOpen(action);
        return incident;
    }

    /** The incident for reading only, as last committed. */
    public static Incident require(String id) {
        return Incident.<Incident>findByIdOptional(id).orElseThrow(() -> new IncidentNotFound(id));
    }

    /** The open incident of a grouping key, locked, if there is one. */
    public static Optional<Incident> lockOpenOfGroup(String groupingKey) {
        return find("groupingKey = ?1 and status = ?2", groupingKey, IncidentStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The open incident an alert with this id was grouped into, locked, if any. */
    public static Optional<Incident> lockOpenHolding(String alertId) {
        Optional<String> id = getEntityManager()
                .createQuery("select i.id from Incident i join i.alerts a where i.status = ?1 and a.alertId = ?2", String.class)
                .setParameter(1, IncidentStatus.OPEN).setParameter(2, alertId)
                .setMaxResults(1).getResultStream().findFirst();
        return id.map(Incident::lock);
    }

    private void requireOpen(String action) {
        if (status != IncidentStatus.OPEN) {
            throw new ActionRefused(action, "incident " + id + " is " + status + (closedReason == null ? "" : ": " + closedReason),
                    "act on an open incident");
        }
    }

    // --- phase 1: alerts and severity ---------------------------------------------------------------------

    /** A firing or acknowledged alert of the group; false when it repeats what is known. */
    public boolean recordAlert(String eventId, AlertReceived alert) {
        Optional<IncidentAlert> known = alert(alert.getAlertId());
        if (known.isPresent() && !known.get().isChangedBy(alert)) {
            return false;
        }
        if (known.isPresent()) {
            known.get().update(eventId, alert);
        } else {
            alerts.add(IncidentAlert.of(this, eventId, alert));
        }
        updatedAt = alert.getReceivedAt();
        return true;
    }

    /** A resolved alert; false when the alert is not the incident's or was resolved already. */
    public boolean clearAlert(String eventId, AlertReceived alert) {
        Optional<IncidentAlert> known = alert(alert.getAlertId()).filter(a -> a.status() != AlertStatus.RESOLVED);
        known.ifPresent(a -> {
            a.resolve(eventId, alert);
            updatedAt = alert.getReceivedAt();
        });
        return known.isPresent();
    }

    /** What the incident's alerts report, for the severity rules. */
    public List<SeveritySignals.AlertFacts> alertFacts() {
        return alerts.stream().map(a -> new SeveritySignals.AlertFacts(a.labels(), a.annotations())).toList();
    }

    /**
     * A new classification of the incident's alerts. Before the incident commander settled the severity it replaces
     * the proposal; after, the settled severity stands and the classification becomes a proposal for consensus.
     */
    public Reclassification reclassify(Classification classification) {
        Severity classified = classification.severity();
        if (severityConfirmedBy == null) {
            if (classified == severity) {
                return Reclassification.UNCHANGED;
            }
            severity = classified;
            severityRule = classification.rule();
            severityRationale = classification.rationale();
            return Reclassification.CHANGED;
        }
        if (classified == severity) {
            if (proposedSeverity == null) {
                return Reclassification.UNCHANGED;
            }
            withdrawProposal();
            return Reclassification.PROPOSAL_WITHDRAWN;
        }
        if (classified == proposedSeverity) {
            return Reclassification.UNCHANGED;
        }
        proposedSeverity = classified;
        proposedRule = classification.rule();
        proposedRationale = classification.rationale();
        return Reclassification.PROPOSED;
    }

    /**
     * The incident commander settles the severity, on the pending proposal or on another severity.
     *
     * @param settledOn the severity settled on; null settles on what is proposed
     * @return the severity that was proposed
     * @throws ActionRefused when the incident is closed or the severity is settled with nothing proposed since
     */
    public Severity confirmSeverity(String commander, Severity settledOn, String note, Instant at) {
        requireOpen("severity confirmation");
        requireUnsettled("severity confirmation");
        Severity proposed = proposedSeverity();
        Severity settled = settledOn == null ? proposed : settledOn;
        if (settled == proposed && proposedSeverity != null) {
            severityRule = proposedRule;
            severityRationale = proposedRationale;
        } else if (settled != proposed) {
            severityRule = "settled-by-incident-commander";
            severityRationale = "the incident commander settled on " + settled + " (proposed " + proposed + ")" + (note == null ? "" : ": " + note);
        }
        severity = settled;
        withdrawProposal();
        severityConfirmedBy = commander;
        severityConfirmedAt = at;
        updatedAt = at;
        return proposed;
    }

    /** The SeverityConfirmed event that settled the severity: the evidence of consensus gate 1 cites. */
    public void citeConfirmation(String eventId) {
        severityConfirmedEventId = eventId;
    }

    /** A responder's review is only taken while the severity awaits the incident commander. */
    public void requireUnsettled(String action) {
        if (consensusReached()) {
            throw new ActionRefused(action, "the severity of incident " + id + " was settled on " + severity + " by " + severityConfirmedBy
                    + " at " + severityConfirmedAt, "nothing to do: consensus is reached");
        }
    }

    /** Whether the incident commander settled the severity and no classification has proposed another since. */
    public boolean consensusReached() {
        return severityConfirmedBy != null && proposedSeverity == null;
    }

    /** The severity awaiting consensus: the pending proposal after settlement, else the classified severity. */
    public Severity proposedSeverity() {
        return proposedSeverity != null ? proposedSeverity : severity;
    }

    private void withdrawProposal() {
        proposedSeverity = null;
        proposedRule = null;
        proposedRationale = null;
    }

    public void markFalsePositive(String reason, Instant at) {
        requireOpen("false positive");
        status = IncidentStatus.FALSE_POSITIVE;
        closedReason = reason;
        updatedAt = at;
    }

    public void recordGate1(GateOutcome outcome) {
        gate1Outcome = outcome;
    }

    // --- phase 4: resolution -----------------------------------------------------------------------------

    public void recordResolution(String commander, String summary, boolean sloRestored, List<String> followUps, Instant at) {
        requireOpen("resolution");
        this.resolutionSummary = summary;
        this.sloRestored = sloRestored;
        this.followUps = List.copyOf(followUps);
        this.resolvedBy = commander;
        this.updatedAt = at;
    }

    /** The IncidentResolved event that gate 4 cites. */
    public void citeResolution(String eventId) {
        resolutionEventId = eventId;
    }

    /** Gate 4's outcome; a pass closes the incident. */
    public void recordGate4(GateOutcome outcome) {
        gate4Outcome = outcome;
        if (outcome == GateOutcome.PASSED) {
            status = IncidentStatus.RESOLVED;
            closedReason = "resolved: " + resolutionSummary;
        }
    }

    public boolean alertsCleared() {
        return alerts.stream().allMatch(a -> a.status() == AlertStatus.RESOLVED);
    }

    public long firingAlerts() {
        return alerts.stream().filter(a -> a.status() != AlertStatus.RESOLVED).count();
    }

    public Optional<IncidentAlert> alert(String alertId) {
        return alerts.stream().filter(a -> a.alertId().equals(alertId)).findFirst();
    }

    // --- what the incident says --------------------------------------------------------------------------

    public String id() {
        return id;
    }

    public String groupingKey() {
        return groupingKey;
    }

    public String service() {
        return service;
    }

    public String alertName() {
        return alertName;
    }

    public String title() {
        return title;
    }

    public IncidentStatus status() {
        return status;
    }

    public Severity severity() {
        return severity;
    }

    public String severityRule() {
        return severityRule;
    }

    public String severityRationale() {
        return severityRationale;
    }

    /** The pending proposal after settlement, if any. */
    public Optional<Severity> pendingProposal() {
        return Optional.ofNullable(proposedSeverity);
    }

    public String severityConfirmedBy() {
        return severityConfirmedBy;
    }

    public String severityConfirmedEventId() {
        return severityConfirmedEventId;
    }

    public GateOutcome gate1Outcome() {
        return gate1Outcome;
    }

    public String closedReason() {
        return closedReason;
    }

    public String resolutionSummary() {
        return resolutionSummary;
    }

    public boolean sloRestored() {
        return Boolean.TRUE.equals(sloRestored);
    }

    public List<String> followUps() {
        return followUps == null ? List.of() : followUps;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public String resolutionEventId() {
        return resolutionEventId;
    }

    public GateOutcome gate4Outcome() {
        return gate4Outcome;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<IncidentAlert> alerts() {
        return List.copyOf(alerts);
    }
}
