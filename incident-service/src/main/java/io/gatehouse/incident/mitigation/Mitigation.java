package io.gatehouse.incident.mitigation;

import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.MitigationKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An incident's mitigation as planned, checked and approved: the state gate 2 and the rollback rule read. */
@Entity
@Table(name = "mitigation")
public class Mitigation extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public String incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MitigationKind chosen;

    @Column(name = "previous_release")
    public String previousRelease;

    @Column(name = "scope_description", nullable = false)
    public String scopeDescription;

    @Column(name = "plan_event_id", nullable = false)
    public String planEventId;

    /** Share of readiness checklist items that passed; null until the checklist was checked. */
    @Column(name = "readiness_coverage")
    public Double readinessCoverage;

    @Column(name = "readiness_event_id")
    public String readinessEventId;

    @Column(name = "approved_by_commander")
    public String approvedByCommander;

    @Column(name = "approved_by_release_manager")
    public String approvedByReleaseManager;

    @Column(name = "waived_by_commander")
    public String waivedByCommander;

    @Column(name = "waived_by_release_manager")
    public String waivedByReleaseManager;

    /** The approval and waiver events gate 2 rests on, in the order given. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evidence_event_ids", nullable = false)
    public List<String> evidenceEventIds = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "gate2_outcome")
    public GateOutcome gate2Outcome;

    @Column(name = "rollback_requested_by")
    public String rollbackRequestedBy;

    @Column(name = "rollback_requested_at")
    public Instant rollbackRequestedAt;

    /** How the rollback's execution ended, as the deployment system reported; null until it reported. */
    @Enumerated(EnumType.STRING)
    @Column(name = "execution_status")
    public ExecutionStatus executionStatus;

    @Column(name = "execution_event_id")
    public String executionEventId;

    @Column(name = "recovery_pass_rate")
    public Double recoveryPassRate;

    @Column(name = "recovery_event_id")
    public String recoveryEventId;

    @Enumerated(EnumType.STRING)
    @Column(name = "gate3_outcome")
    public GateOutcome gate3Outcome;

    /**
     * Back to planning after a failed recovery or execution: the plan stands, but readiness, approvals, waivers
     * and the rollback are for a new attempt.
     */
    public void reopenPlanning() {
        readinessCoverage = null;
        readinessEventId = null;
        approvedByCommander = null;
        approvedByReleaseManager = null;
        waivedByCommander = null;
        waivedByReleaseManager = null;
        evidenceEventIds = new ArrayList<>();
        gate2Outcome = null;
        rollbackRequestedBy = null;
        rollbackRequestedAt = null;
        executionStatus = null;
        executionEventId = null;
        recoveryPassRate = null;
        recoveryEventId = null;
    }
}
