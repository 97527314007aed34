package io.gatehouse.incident.consensus;

import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityVerdict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One responder's review of an incident's proposed severity. */
@Entity
@Table(name = "severity_review")
public class SeverityReview extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public String incidentId;

    @Column(nullable = false)
    public String reviewer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SeverityVerdict verdict;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_severity", nullable = false)
    public Severity proposedSeverity;

    @Enumerated(EnumType.STRING)
    @Column(name = "suggested_severity")
    public Severity suggestedSeverity;

    public String note;

    @Column(name = "reviewed_at", nullable = false)
    public Instant reviewedAt;

    static SeverityReview of(String incidentId, String reviewer, SeverityVerdict verdict, Severity proposed, Severity suggested, String note,
                             Instant at) {
        SeverityReview review = new SeverityReview();
        review.incidentId = incidentId;
        review.reviewer = reviewer;
        review.verdict = verdict;
        review.proposedSeverity = proposed;
        review.suggestedSeverity = suggested;
        review.note = note;
        review.reviewedAt = at;
        return review;
    }

    static long count(String incidentId, SeverityVerdict verdict) {
        return count("incidentId = ?1 and verdict = ?2", incidentId, verdict);
    }
}
