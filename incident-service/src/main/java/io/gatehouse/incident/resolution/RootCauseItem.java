package io.gatehouse.incident.resolution;

import io.gatehouse.events.RootCauseEvidenceKind;
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
import java.util.List;

/** One archived piece of root-cause evidence. */
@Entity
@Table(name = "root_cause_evidence")
public class RootCauseItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public String incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RootCauseEvidenceKind kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String location;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    static RootCauseItem of(String incidentId, RootCauseEvidenceKind kind, String title, String location, String eventId) {
        RootCauseItem item = new RootCauseItem();
        item.incidentId = incidentId;
        item.kind = kind;
        item.title = title;
        item.location = location;
        item.eventId = eventId;
        return item;
    }

    static List<RootCauseItem> ofIncident(String incidentId) {
        return list("incidentId", Sort.ascending("id"), incidentId);
    }
}
