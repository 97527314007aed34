package io.gatehouse.rehearsal;

import io.gatehouse.rehearsal.gates.Waiver;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One role's waiver of one of a release's gates. Part of the release; changed only through it. */
@Entity
@Table(name = "gate_waiver")
public class GateWaiver extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "release_id")
    private Release release;

    @Column(name = "event_id", nullable = false, unique = true)
    private String eventId;

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

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    /** Set by the expiry job in the transaction that re-evaluated the release at the expiry instant. */
    @Column(nullable = false)
    private boolean lapsed;

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

    void lapse() {
        lapsed = true;
    }

    /** The waiver as the gates read it. */
    public Waiver waiver() {
        return new Waiver(eventId, gate, grantedBy, role, riskAssessment, compensatingControls, grantedAt, expiresAt, lapsed);
    }

    public String eventId() {
        return eventId;
    }

    public boolean lapsed() {
        return lapsed;
    }
}
