package io.gatehouse.incident.releases;

import io.gatehouse.events.RollbackRehearsalAssessed;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * A release's latest rollback rehearsal as protocol 14 assessed it: incident-service's own read model of
 * RollbackRehearsalAssessed, one row per release, written only by {@link ReleasesConsumer}.
 */
@Entity
@Table(name = "release_rollback_rehearsal")
public class RollbackRehearsal extends PanacheEntityBase {

    /** What a readiness check needs of a release's rollback rehearsal, and the event it rests on. */
    public record Assessment(String release, boolean succeeded, double durationSeconds, double rtoSeconds, String eventId) {
    }

    @Id
    @Column(name = "release_id")
    private String releaseId;

    /** Consumers of several instances may record rehearsals of one release: neither overwrites the other's newer row. */
    @Version
    private long version;

    @Column(nullable = false)
    private String service;

    @Column(nullable = false)
    private boolean succeeded;

    @Column(name = "duration_seconds", nullable = false)
    private double durationSeconds;

    @Column(name = "rto_seconds", nullable = false)
    private double rtoSeconds;

    /** Time of the rehearsal's result: a later one supersedes this one. */
    @Column(name = "assessed_at", nullable = false)
    private Instant assessedAt;

    /** The RollbackRehearsalAssessed event. */
    @Column(name = "event_id", nullable = false)
    private String eventId;

    /**
     * Records an assessment, in the consumer's transaction, unless the release's row holds a later one: a re-run
     * rehearsal supersedes the earlier, and an earlier one read again (a replay) changes nothing.
     */
    static void record(String eventId, RollbackRehearsalAssessed assessed) {
        Optional<RollbackRehearsal> known = findByIdOptional(assessed.getRelease(), LockModeType.PESSIMISTIC_WRITE);
        if (known.isPresent() && assessed.getAssessedAt().isBefore(known.get().assessedAt)) {
            return;
        }
        RollbackRehearsal row = known.orElseGet(RollbackRehearsal::new);
        row.releaseId = assessed.getRelease();
        row.service = assessed.getService();
        row.succeeded = assessed.getSucceeded();
        row.durationSeconds = assessed.getDurationSeconds();
        row.rtoSeconds = assessed.getRtoSeconds();
        row.assessedAt = assessed.getAssessedAt();
        row.eventId = eventId;
        if (known.isEmpty()) {
            row.persist();
        }
    }

    /** The release's latest rollback rehearsal; empty when protocol 14 assessed none. */
    public static Optional<Assessment> latestOf(String release) {
        return RollbackRehearsal.<RollbackRehearsal>findByIdOptional(release)
                .map(r -> new Assessment(r.releaseId, r.succeeded, r.durationSeconds, r.rtoSeconds, r.eventId));
    }
}
