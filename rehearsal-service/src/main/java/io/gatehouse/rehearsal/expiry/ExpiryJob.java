package io.gatehouse.rehearsal.expiry;

import io.gatehouse.rehearsal.Release;
import io.gatehouse.rehearsal.evaluation.ReleaseEvaluation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Approvals and waivers stop counting at their expiry, and the release must say so then, not at its next input: this
 * job finds those that reached their expiry and re-evaluates each one's release as of the expiry instant (the
 * evaluation's time, not the job's). Each in a transaction of its own that locks the release first and marks the
 * approval or waiver lapsed with the evaluation, so another instance's run, or this one repeated, finds nothing more to
 * do; a lapsed one never counts again, even for an input whose time is older.
 */
@ApplicationScoped
public class ExpiryJob {

    /** Expiries applied per run at most, so one run does not hold the scheduler thread for long. */
    private static final int BATCH = 50;

    /** An approval or waiver whose expiry is due. */
    record Due(String releaseId, String eventId, boolean waiver) {
    }

    private final EntityManager entityManager;
    private final ReleaseEvaluation evaluation;

    ExpiryJob(EntityManager entityManager, ReleaseEvaluation evaluation) {
        this.entityManager = entityManager;
        this.evaluation = evaluation;
    }

    @Scheduled(every = "${gatehouse.expiry.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void applyDue() {
        for (Due due : QuarkusTransaction.requiringNew().call(this::due)) {
            QuarkusTransaction.requiringNew().run(() -> apply(due));
        }
    }

    private List<Due> due() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select release_id, event_id, false as waiver, expires_at from release_approval where not lapsed and expires_at <= ?1"
                                + " union all select release_id, event_id, true, expires_at from gate_waiver where not lapsed and expires_at <= ?1"
                                + " order by expires_at limit ?2")
                .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, BATCH).getResultList();
        return rows.stream().map(row -> new Due((String) row[0], (String) row[1], (Boolean) row[2])).toList();
    }

    /** Lapses one approval or waiver and re-evaluates its release at the expiry instant; nothing when it lapsed meanwhile. */
    void apply(Due due) {
        Release release = Release.lockRegistered(due.releaseId());
        String cause = due.eventId() + "/expiry";
        if (due.waiver()) {
            release.lapseWaiver(due.eventId()).ifPresent(w -> evaluation.waiverChanged(release, cause, w.gate(), w.expiresAt()));
        } else {
            release.lapseApproval(due.eventId()).ifPresent(a -> evaluation.approvalChanged(release, cause, a.kind(), a.expiresAt()));
        }
    }
}
