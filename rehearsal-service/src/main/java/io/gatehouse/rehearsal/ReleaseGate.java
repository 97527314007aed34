package io.gatehouse.rehearsal;

import io.gatehouse.events.GateOutcome;
import io.gatehouse.rehearsal.gates.GateVerdict;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A gate's latest evaluation on a release, as published in its GateEvaluated event. Part of the release; changed only through it. */
@Entity
@Table(name = "release_gate")
public class ReleaseGate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "release_id")
    private Release release;

    @Column(nullable = false)
    private int gate;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GateOutcome outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Double> metrics;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> thresholds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "unmet_conditions", nullable = false)
    private List<String> unmetConditions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evidence_event_ids", nullable = false)
    private List<String> evidenceEventIds;

    /** The GateEvaluated event. */
    @Column(name = "evaluation_event_id", nullable = false)
    private String evaluationEventId;

    @Column(name = "evaluated_at", nullable = false)
    private Instant evaluatedAt;

    static ReleaseGate of(Release release, int gate) {
        ReleaseGate standing = new ReleaseGate();
        standing.release = release;
        standing.gate = gate;
        return standing;
    }

    void record(GateVerdict verdict, String evaluationEventId, Instant at) {
        name = verdict.name();
        outcome = verdict.outcome();
        metrics = new TreeMap<>(verdict.metrics());
        thresholds = new TreeMap<>(verdict.thresholds());
        unmetConditions = List.copyOf(verdict.unmetConditions());
        evidenceEventIds = List.copyOf(verdict.evidenceEventIds());
        this.evaluationEventId = evaluationEventId;
        evaluatedAt = at;
    }

    public int gate() {
        return gate;
    }

    public String name() {
        return name;
    }

    public GateOutcome outcome() {
        return outcome;
    }

    public Map<String, Double> metrics() {
        return Map.copyOf(metrics);
    }

    public Map<String, String> thresholds() {
        return Map.copyOf(thresholds);
    }

    public List<String> unmetConditions() {
        return List.copyOf(unmetConditions);
    }

    public String evaluationEventId() {
        return evaluationEventId;
    }

    public Instant evaluatedAt() {
        return evaluatedAt;
    }

    /** The evaluation as the decision reads it. */
    public GateVerdict verdict() {
        return GateVerdict.recorded(gate, name, outcome, metrics, thresholds, unmetConditions, evidenceEventIds);
    }
}
