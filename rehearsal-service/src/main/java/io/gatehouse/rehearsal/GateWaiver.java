package io.gatehouse.rehearsal;

import io.gatehouse.rehearsal.gates.Waiver;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One role's waiver of one of a release's gates. */
@Entity
@Table(name = "gate_waiver")
public class GateWaiver extends ReleaseGrant {

    @Column(nullable = false)
    private int gate;

    @Column(name = "granted_by", nullable = false)
    private String grantedBy;

    @Column(nullable = false)
    private String role;

    @Column(name = "risk_assessment", nullable = false)
    private String riskAssessment;

    @Column(name = "compensating_controls")
    private String compensatingControls;

    static GateWaiver of(Release release, Waiver waiver) {
        GateWaiver row = new GateWaiver();
        row.release = release;
        row.eventId = waiver.eventId();
        row.gate = waiver.gate();
        row.grantedBy = waiver.person();
        row.role = waiver.role();
        row.riskAssessment = waiver.riskAssessment();
        row.compensatingControls = waiver.compensatingControls();
        row.grantedAt = waiver.grantedAt();
        row.expiresAt = waiver.expiresAt();
        return row;
    }

    /** The waiver as the gates read it. */
    public Waiver waiver() {
        return new Waiver(eventId, gate, grantedBy, role, riskAssessment, compensatingControls, grantedAt, expiresAt, lapsed);
    }
}
