package io.gatehouse.incident;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.Severity;
import io.gatehouse.incident.errors.ActionRefused;
import io.gatehouse.incident.errors.IncidentNotFound;
import io.gatehouse.incident.severity.Classification;
import io.gatehouse.incident.severity.RunningSignals;
import io.gatehouse.incident.severity.ServiceProfile;
import io.gatehouse.incident.severity.SeveritySignals;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>An incident may hold a hundred thousand alerts: none of its methods loads them all. An alert is looked up by its id
 * ({@link GroupedAlerts}), the counts and the severity signals are kept on the incident's row as they change.
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

    @Column(name = "alert_count", nullable = false)
    private long alertCount;

    /** The alerts not resolved (firing or acknowledged). */
    @Column(name = "firing_count", nullable = false)
    private long firingCount;

    /** The severity signals of the alerts; Hibernate reads it as null when no alert reported any. */
    @Embedded
    private RunningSignals signals;

    /** False when {@link #signals} must be gathered from the alerts again: an alert's facts changed, or it predates them. */
    @Column(name = "signals_current", nullable = false)
    private boolean signalsCurrent;

    /** An incident opened by its first alert, classified as the policy says, and persisted with that alert. */
    public static Incident open(String id, String groupingKey, String title, String openingEventId, AlertReceived alert,
                                Classification classification, GroupedAlerts grouped) {
        Incident incident = new Incident();
        incident.id = id;
        incident.groupingKey = groupingKey;
        incident.service = alert.getService();
        incident.alertName = alert.getAlertName();
        incident.title = title;
        incident.status = IncidentStatus.OPEN;
        incident.openedAt = alert.getReceivedAt();
        incident.updatedAt = alert.getReceivedAt();
        incident.severity = classification.severity();
        incident.severityRule = classification.rule();
        incident.severityRationale = classification.rationale();
        incident.signals = new RunningSignals();
        incident.signalsCurrent = true;
        incident.persist();
        incident.add(openingEventId, alert, grouped);
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

    /** The ids of the open incidents that hold alerts with these ids, by alert id; nothing is locked. */
    public static Map<String, String> openHolding(Collection<String> alertIds) {
        Map<String, String> holding = new LinkedHashMap<>();
        if (!alertIds.isEmpty()) {
            // One array parameter, not one per id, so every batch runs the same statement; joined as rows, not filtered with
            // "= any", so that each id is one probe of the index on alert_id, however many alerts the table holds.
            @SuppressWarnings("unchecked")
            List<Object[]> rows = getEntityManager().createNativeQuery("select a.alert_id, a.incident_id"
                            + " from unnest(cast(?1 as varchar[])) as wanted (alert_id)"
                            + " join incident_alert a on a.alert_id = wanted.alert_id"
                            + " join incident i on i.id = a.incident_id where i.status = 'OPEN'")
                    .setParameter(1, alertIds.toArray(String[]::new)).getResultList();
            rows.forEach(row -> holding.putIfAbsent((String) row[0], (String) row[1]));
        }
        return holding;
    }

    /** The ids of the open incidents of these grouping keys; nothing is locked. */
    public static List<String> openOfGroups(Collection<String> groupingKeys) {
        if (groupingKeys.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select i.id from Incident i where i.status = ?1 and i.groupingKey in ?2", String.class)
                .setParameter(1, IncidentStatus.OPEN).setParameter(2, groupingKeys).getResultList();
    }

    /**
     * These incidents, locked for this transaction in the order of their ids: a writer that locks several takes them in
     * the same order as every other, so two such writers never deadlock, and one that locks one incident (an HTTP
     * command) merely waits. Ids with no incident are left out.
     */
    public static Map<String, Incident> lockAll(Collection<String> ids) {
        Map<String, Incident> locked = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            getEntityManager().createQuery("from Incident where id in ?1 order by id", Incident.class)
                    .setParameter(1, ids).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultStream().forEach(incident -> locked.put(incident.id, incident));
        }
        return locked;
    }

    private void requireOpen(String action) {
        if (status != IncidentStatus.OPEN) {
            throw new ActionRefused(action, "incident " + id + " is " + status + (closedReason == null ? "" : ": " + closedReason),
                    "act on an open incident");
        }
    }

    // --- phase 1: alerts and severity ---------------------------------------------------------------------

    /** A firing or acknowledged alert of the group; false when it repeats what is known. */
    public boolean recordAlert(String eventId, AlertReceived alert, GroupedAlerts grouped) {
        Optional<IncidentAlert> known = grouped.find(this, alert.getAlertId());
        if (known.isEmpty()) {
            add(eventId, alert, grouped);
        } else if (known.get().isChangedBy(alert)) {
            long firingBefore = known.get().firing();
            if (known.get().update(eventId, alert)) {
                // Its facts replace what it reported before, which the maxima cannot forget: gathered again when next asked.
                signalsCurrent = false;
            }
            firingCount += known.get().firing() - firingBefore;
        } else {
            return false;
        }
        updatedAt = alert.getReceivedAt();
        return true;
    }

    /** A resolved alert; false when the alert is not the incident's or was resolved already. */
    public boolean clearAlert(String eventId, AlertReceived alert, GroupedAlerts grouped) {
        Optional<IncidentAlert> known = grouped.find(this, alert.getAlertId()).filter(a -> a.status() != AlertStatus.RESOLVED);
        known.ifPresent(a -> {
            a.resolve(eventId, alert);
            firingCount--;
            updatedAt = alert.getReceivedAt();
        });
        return known.isPresent();
    }

    private void add(String eventId, AlertReceived alert, GroupedAlerts grouped) {
        IncidentAlert added = IncidentAlert.of(this, eventId, alert);
        added.persist();
        grouped.add(added);
        alertCount++;
        firingCount += added.firing();
        if (signalsCurrent) {
            if (signals == null) {
                signals = new RunningSignals();
            }
            signals.fold(new SeveritySignals.AlertFacts(alert.getLabels(), alert.getAnnotations()));
        }
    }

    /**
     * What the incident's alerts report, for the severity rules: the running aggregates, or, when an alert's facts
     * changed since, gathered from the alerts with one query.
     */
    public SeveritySignals severitySignals(ServiceProfile service) {
        if (!signalsCurrent) {
            // The query must see the alerts this transaction changed.
            getEntityManager().flush();
            signals = RunningSignals.over(IncidentAlert.factsOf(id));
            signalsCurrent = true;
        }
        return (signals == null ? new RunningSignals() : signals).signals(service);
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
        return firingCount == 0;
    }

    public long firingAlerts() {
        return firingCount;
    }

    public long alertCount() {
        return alertCount;
    }

    /** One of the incident's alerts, found by its id. */
    public Optional<IncidentAlert> alert(String alertId) {
        return IncidentAlert.find("incident.id = ?1 and alertId = ?2", id, alertId).firstResultOptional();
    }

    /** A page of the incident's alerts, in the order they were grouped into it. */
    public List<IncidentAlert> alerts(int offset, int limit) {
        return IncidentAlert.find("incident.id = ?1 order by id", id).range(offset, offset + limit - 1).list();
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
}
