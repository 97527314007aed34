package io.gatehouse.rehearsal;

import io.gatehouse.rehearsal.gates.Approval;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An approval of a release by a person in a role, bound to the evidence it approved. */
@Entity
@Table(name = "release_approval")
public class ReleaseApproval extends ReleaseGrant {

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String approver;

    @Column(nullable = false)
    private String role;

    private String note;

    @Column(name = "evidence_digest", nullable = false)
    private String evidenceDigest;

    /** The results the release had when approved, which the digest covers. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evidence_event_ids", nullable = false)
    private List<String> evidenceEventIds;

    /** For a readiness approval, since when gates 1 to 3 had been passed or waived when it was given. */
    @Column(name = "ready_since")
    private Instant readySince;

    static ReleaseApproval of(Release release, String eventId, Approval approval, String note, String evidenceDigest) {
        ReleaseApproval row = new ReleaseApproval();
        row.release = release;
        row.eventId = eventId;
        row.kind = approval.kind();
        row.approver = approval.approver();
        row.role = approval.role();
        row.note = note;
        row.grantedAt = approval.grantedAt();
        row.expiresAt = approval.expiresAt();
        row.evidenceDigest = evidenceDigest;
        row.evidenceEventIds = List.copyOf(approval.evidenceEventIds());
        row.readySince = approval.readySince();
        return row;
    }

    /** The approval as the gates read it. */
    public Approval approval() {
        return new Approval(eventId, kind, approver, role, grantedAt, expiresAt, lapsed, new LinkedHashSet<>(evidenceEventIds), readySince);
    }

    public String note() {
        return note;
    }

    public String evidenceDigest() {
        return evidenceDigest;
    }
}
