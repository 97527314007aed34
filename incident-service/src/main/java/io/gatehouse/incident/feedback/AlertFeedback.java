package io.gatehouse.incident.feedback;

import io.gatehouse.events.AlertFeedbackVerdict;
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

/** One responder's feedback on an alert of an incident, as its AlertFeedbackRecorded event recorded it. Written once. */
@Entity
@Table(name = "alert_feedback")
public class AlertFeedback extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "incident_id", nullable = false)
    String incidentId;

    /** Null for an alert that was missing. */
    @Column(name = "alert_id")
    String alertId;

    @Column(name = "alert_name", nullable = false)
    String alertName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    AlertFeedbackVerdict verdict;

    String suggestion;

    @Column(name = "recorded_by", nullable = false)
    String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    @Column(name = "event_id", nullable = false)
    String eventId;

    static List<AlertFeedback> ofIncident(String incidentId) {
        return list("incidentId", Sort.ascending("id"), incidentId);
    }
}
