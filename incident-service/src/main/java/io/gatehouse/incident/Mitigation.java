package io.gatehouse.incident;

import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.incident.errors.ActionRefused;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An incident's mitigation as planned, checked, approved, executed and validated: the state gates 2 and 3 and the
 * rollback rule read. Part of the incident's aggregate: it is changed only by a unit of work that holds the incident's
 * lock ({@link Incident#lock}), and its version column makes a writer that did not fail rather than overwrite.
 */
@Entity
@Table(name = "mitigation")
public class Mitigation extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    private String incidentId;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MitigationKind chosen;

    /** The chosen option's description from the plan: which flag, which hotfix, what to roll back. */
    @Column(name = "chosen_description")
    private String chosenDescription;

    @Column(name = "previous_release")
    private String previousRelease;

    @Column(name = "scope_description", nullable = false)
    private String scopeDescription;

    @Column(name = "plan_event_id", nullable = false)
    private String planEventId;

    @Column(name = "planned_at")
    private Instant plannedAt;

    /** Share of readiness checklist items that passed; null until the checklist was checked. */
    @Column(name = "readiness_coverage")
    private Double readinessCoverage;

    @Column(name = "readiness_event_id")
    private String readinessEventId;

    @Column(name = "approved_by_commander")
    private String approvedByCommander;

    @Column(name = "approved_by_release_manager")
    private String approvedByReleaseManager;

    @Column(name = "waived_by_commander")
    private String waivedByCommander;

    @Column(name = "waived_by_release_manager")
    private String waivedByReleaseManager;

    /** When the latest approval or waiver of gate 2 was given: the approval latency runs from the plan to here. */
    @Column(name = "last_approval_at")
    private Instant lastApprovalAt;

    /** The approval and waiver events gate 2 rests on, in the order given. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evidence_event_ids", nullable = false)
    private List<String> evidenceEventIds = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "gate2_outcome")
    private GateOutcome gate2Outcome;

    @Column(name = "rollback_requested_by")
    private String executionRequestedBy;

    @Column(name = "rollback_requested_at")
    private Instant executionRequestedAt;

    /** How the execution ended, as the deployment system reported; null until it reported. */
    @Enumerated(EnumType.STRING)
    @Column(name = "execution_status")
    private ExecutionStatus executionStatus;

    @Column(name = "execution_event_id")
    private String executionEventId;

    @Column(name = "recovery_pass_rate")
    private Double recoveryPassRate;

    @Column(name = "critical_checks")
    private Integer criticalChecks;

    @Column(name = "critical_checks_passed")
    private Integer criticalChecksPassed;

    @Column(name = "recovery_event_id")
    private String recoveryEventId;

    @Column(name = "recovered_at")
    private Instant recoveredAt;

    /** The incident commander's waiver of gate 3, with its recovery plan, as the event that granted it. */
    @Column(name = "gate3_waiver_event_id")
    private String gate3WaiverEventId;

    @Enumerated(EnumType.STRING)
    @Column(name = "gate3_outcome")
    private GateOutcome gate3Outcome;

    /** The incident's mitigation, if one was planned; read under the incident's lock. */
    public static Optional<Mitigation> of(Incident incident) {
        return Mitigation.<Mitigation>findByIdOptional(incident.id());
    }

    /**
     * The incident's mitigation, which must have been planned.
     *
     * @throws ActionRefused when there is no plan
     */
    public static Mitigation planned(Incident incident, String action) {
        return of(incident).orElseThrow(() -> new ActionRefused(action, "incident " + incident.id() + " has no mitigation plan",
                "record the plan first (POST /v1/incidents/" + incident.id() + "/mitigation/plan)"));
    }

    /**
     * A (new) plan for the incident; readiness, approvals, waivers and any earlier attempt start over, since they were
     * for the old plan. Persist a new mitigation to keep it.
     *
     * @throws ActionRefused while an execution of the previous plan is under way
     */
    public static Mitigation plan(Incident incident, MitigationKind chosen, String chosenDescription, String previousRelease,
                                  String scopeDescription, String planEventId, Instant at) {
        Mitigation mitigation = of(incident).orElseGet(Mitigation::new);
        if (mitigation.executionRequestedAt != null) {
            throw new ActionRefused("mitigation plan", "the " + mitigation.chosen + " of the current plan was requested and has not reported",
                    "wait for its outcome (RollbackExecuted or MitigationExecuted) first");
        }
        mitigation.incidentId = incident.id();
        mitigation.chosen = chosen;
        mitigation.chosenDescription = chosenDescription;
        mitigation.previousRelease = previousRelease;
        mitigation.scopeDescription = scopeDescription;
        mitigation.planEventId = planEventId;
        mitigation.plannedAt = at;
        mitigation.returnToPlanning();
        mitigation.gate3Outcome = null;
        mitigation.gate3WaiverEventId = null;
        return mitigation;
    }

    public void recordReadiness(double coverage, String eventId) {
        readinessCoverage = coverage;
        readinessEventId = eventId;
    }

    /** An approval of gate 2 in one of its two roles; {@code byCommander} false means the release manager's. */
    public void approve(boolean byCommander, String person, String eventId, Instant at) {
        if (byCommander) {
            approvedByCommander = person;
        } else {
            approvedByReleaseManager = person;
        }
        countTowardsGateTwo(eventId, at);
    }

    /** A waiver of gate 2 in one of its two roles; {@code byCommander} false means the release manager's. */
    public void waiveGateTwo(boolean byCommander, String person, String eventId, Instant at) {
        if (byCommander) {
            waivedByCommander = person;
        } else {
            waivedByReleaseManager = person;
        }
        countTowardsGateTwo(eventId, at);
    }

    private void countTowardsGateTwo(String eventId, Instant at) {
        evidenceEventIds.add(eventId);
        lastApprovalAt = at;
    }

    public void recordGate2(GateOutcome outcome) {
        gate2Outcome = outcome;
    }

    /** The chosen mitigation was handed to the deployment system. */
    public void requestExecution(String commander, Instant at) {
        executionRequestedBy = commander;
        executionRequestedAt = at;
    }

    /** How the execution went, as reported; a failed one sends the incident back to planning once gate 3 says so. */
    public void recordExecution(ExecutionStatus status, String eventId) {
        executionStatus = status;
        executionEventId = eventId;
    }

    /** The recovery checks after a successful execution. */
    public void recordRecovery(double passRate, int criticalChecks, int criticalChecksPassed, String eventId, Instant at) {
        this.recoveryPassRate = passRate;
        this.criticalChecks = criticalChecks;
        this.criticalChecksPassed = criticalChecksPassed;
        this.recoveryEventId = eventId;
        this.recoveredAt = at;
    }

    /** The incident commander's waiver of gate 3, with a documented recovery plan. */
    public void waiveGateThree(String eventId) {
        gate3WaiverEventId = eventId;
    }

    /** Gate 3's outcome; a failure sends the incident back to planning for a new attempt. */
    public void recordGate3(GateOutcome outcome) {
        gate3Outcome = outcome;
        if (outcome == GateOutcome.FAILED) {
            returnToPlanning();
        }
    }

    /** Back to planning: the plan stands, but readiness, approvals, waivers and the execution are for a new attempt. */
    private void returnToPlanning() {
        readinessCoverage = null;
        readinessEventId = null;
        approvedByCommander = null;
        approvedByReleaseManager = null;
        waivedByCommander = null;
        waivedByReleaseManager = null;
        lastApprovalAt = null;
        evidenceEventIds = new ArrayList<>();
        gate2Outcome = null;
        executionRequestedBy = null;
        executionRequestedAt = null;
        executionStatus = null;
        executionEventId = null;
        recoveryPassRate = null;
        criticalChecks = null;
        criticalChecksPassed = null;
        recoveryEventId = null;
        recoveredAt = null;
    }

    /** Whether the resolution may follow: gate 3 passed, or was waived by the incident commander. */
    public boolean recoveryAccepted() {
        return gate3Outcome == GateOutcome.PASSED || gate3Outcome == GateOutcome.WAIVED;
    }

    // --- what the mitigation says ------------------------------------------------------------------------

    public String incidentId() {
        return incidentId;
    }

    public MitigationKind chosen() {
        return chosen;
    }

    public String chosenDescription() {
        return chosenDescription;
    }

    public String previousRelease() {
        return previousRelease;
    }

    public String scopeDescription() {
        return scopeDescription;
    }

    public String planEventId() {
        return planEventId;
    }

    public Double readinessCoverage() {
        return readinessCoverage;
    }

    public String readinessEventId() {
        return readinessEventId;
    }

    public String approvedByCommander() {
        return approvedByCommander;
    }

    public String approvedByReleaseManager() {
        return approvedByReleaseManager;
    }

    public String waivedByCommander() {
        return waivedByCommander;
    }

    public String waivedByReleaseManager() {
        return waivedByReleaseManager;
    }

    /** From the plan to the latest approval or waiver; empty before any. */
    public Optional<Duration> approvalLatency() {
        return plannedAt == null || lastApprovalAt == null ? Optional.empty() : Optional.of(Duration.between(plannedAt, lastApprovalAt));
    }

    public List<String> evidenceEventIds() {
        return List.copyOf(evidenceEventIds);
    }

    public GateOutcome gate2Outcome() {
        return gate2Outcome;
    }

    public String executionRequestedBy() {
        return executionRequestedBy;
    }

    public Instant executionRequestedAt() {
        return executionRequestedAt;
    }

    public ExecutionStatus executionStatus() {
        return executionStatus;
    }

    public String executionEventId() {
        return executionEventId;
    }

    public Double recoveryPassRate() {
        return recoveryPassRate;
    }

    public Integer criticalChecks() {
        return criticalChecks;
    }

    public Integer criticalChecksPassed() {
        return criticalChecksPassed;
    }

    public String recoveryEventId() {
        return recoveryEventId;
    }

    public Instant recoveredAt() {
        return recoveredAt;
    }

    public String gate3WaiverEventId() {
        return gate3WaiverEventId;
    }

    public GateOutcome gate3Outcome() {
        return gate3Outcome;
    }
}
