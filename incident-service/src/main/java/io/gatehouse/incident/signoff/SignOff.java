package io.gatehouse.incident.signoff;

import io.gatehouse.events.ReviewedItem;
import io.gatehouse.events.SignOffVerdict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One reviewer's sign-off on a resolved incident, as its ResolutionReviewed event recorded it. Written once, never changed. */
@Entity
@Table(name = "resolution_review")
public class SignOff extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "incident_id", nullable = false)
    String incidentId;

    @Column(nullable = false)
    String reviewer;

    @Column(nullable = false)
    String role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ReviewedItem reviewed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    SignOffVerdict verdict;

    @Column(nullable = false)
    String rationale;

    @Column(name = "reviewed_at", nullable = false)
    Instant reviewedAt;

    @Column(name = "event_id", nullable = false)
    String eventId;

    static List<SignOff> ofIncident(String incidentId) {
        return list("incidentId", Sort.ascending("id"), incidentId);
    }
}
