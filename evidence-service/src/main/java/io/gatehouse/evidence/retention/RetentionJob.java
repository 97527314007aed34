package io.gatehouse.evidence.retention;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.events.EvidenceRetentionApplied;
import io.gatehouse.events.RetentionAction;
import io.gatehouse.events.Topics;
import io.gatehouse.evidence.store.ActiveBundles;
import io.gatehouse.messaging.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Applies the retention policy at the time {@link RetentionClock} gives: moves each bundle whose active period ended to
 * the archive, then deletes each archived bundle whose archive period ended. A bundle inside its period is never
 * touched. Each action changes the seal's status, is recorded in {@code retention_action} and is published as
 * {@code EvidenceRetentionApplied} on gatehouse.evidence (outbox), all in one transaction.
 *
 * <p>Safe to run twice and on several instances at once: a bundle is moved under a lock on every seal sharing its
 * digest, and only from the status its period ended in, so an action is taken once. Files are written before that
 * transaction: the archive file is in place and checked before the move commits, and the active copy is removed in
 * the same commit. Only removing an archive file happens under the lock, so that a seal sharing the digest cannot be
 * archived onto a file that is about to go.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    /** A seal whose period ended: what the job needs to know about it, read without locks. */
    private record Due(String subject, int seal, String triggerEventId, String bundleSha256, Instant periodEndedAt, String policy) {
    }

    private final RetentionPolicy policy;
    private final RetentionClock clock;
    private final ArchiveStore archive;
    private final Outbox outbox;
    private final ActiveBundles activeBundles;

    RetentionJob(RetentionPolicy policy, RetentionClock clock, ArchiveStore archive, Outbox outbox, ActiveBundles activeBundles) {
        this.policy = policy;
        this.clock = clock;
        this.archive = archive;
        this.outbox = outbox;
        this.activeBundles = activeBundles;
    }

    @Scheduled(identity = "evidence-retention", every = "${gatehouse.retention.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        List<CleanupAction> applied = run();
        if (!applied.isEmpty()) {
            LOG.infof("retention archived %d and deleted %d sealed bundles", count(applied, CleanupAction.Kind.ARCHIVED),
                    count(applied, CleanupAction.Kind.DELETED));
        }
    }

    /**
     * One run at the clock's time. A bundle that cannot be moved now (its bytes are missing or altered, the archive
     * cannot be written) is reported in the log and left as it is: it is due again at the next run, so nothing is
     * skipped for good.
     *
     * @return the actions this run took, in the order taken
     */
    public List<CleanupAction> run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<CleanupAction> applied = new ArrayList<>();
        // Archiving first: a bundle whose archive period also ended is archived and then deleted in the same run, so
        // its cleanup log has both steps.
        for (Due due : QuarkusTransaction.requiringNew().call(() -> due(RetentionStatus.ACTIVE, now))) {
            attempt(due, d -> archive(d, now)).ifPresent(applied::add);
        }
        for (Due due : QuarkusTransaction.requiringNew().call(() -> due(RetentionStatus.ARCHIVED, now))) {
            attempt(due, d -> delete(d, now)).ifPresent(applied::add);
        }
        return applied;
    }

    /** The seals in {@code status} whose period in it ended at or before {@code now}: protocol by protocol, oldest seal first. */
    private List<Due> due(RetentionStatus status, Instant now) {
        List<Due> due = new ArrayList<>();
        for (RetentionPolicy.Rule rule : policy.rules().values()) {
            // The period ends at sealedAt + length, so it has ended for every seal sealed at or before now - length.
            Instant sealedBy = now.minus(status == RetentionStatus.ACTIVE ? rule.active() : rule.active().plus(rule.archived()));
            RetainedBundle.<RetainedBundle>list("status = ?1 and protocol = ?2 and sealedAt <= ?3 order by sealedAt, subject, seal",
                    status, rule.protocol(), sealedBy).forEach(bundle -> due.add(new Due(bundle.subject, bundle.seal, bundle.triggerEventId,
                    bundle.bundleSha256, status == RetentionStatus.ACTIVE ? rule.activeEndsAt(bundle.sealedAt) : rule.archiveEndsAt(bundle.sealedAt),
                    policy.citation(rule))));
        }
        return due;
    }

    private Optional<CleanupAction> attempt(Due due, Function<Due, Optional<CleanupAction>> action) {
        try {
            return action.apply(due);
        } catch (RuntimeException e) {
            // Not lost: the seal keeps its status, so the next run finds it due again and tries once more.
            LOG.error(new ErrorReport(ErrorReport.Severity.CRITICAL, "evidence retention",
                    "seal " + due.seal() + " of " + due.subject() + " (bundle " + due.bundleSha256() + "): " + e.getMessage(),
                    "fix the cause; the next run of the retention job applies the policy to this bundle again",
                    "the bundle stays where it is until then").oneLine(), e);
            return Optional.empty();
        }
    }

    private Optional<CleanupAction> archive(Due due, Instant now) {
        Optional<byte[]> active = QuarkusTransaction.requiringNew().call(() -> activeBundles.read(due.bundleSha256()));
        if (active.isPresent()) {
            archive.put(due.bundleSha256(), active.get());
        } else if (archive.read(due.bundleSha256()).isEmpty()) {
            // No active copy is normal only when another instance has just archived the seal, and so the file is there.
            throw new IllegalStateException("the bundle is neither in the active store nor in the archive");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<RetainedBundle> sharing = RetainedBundle.lockSharing(due.bundleSha256());
            RetainedBundle bundle = find(sharing, due);
            if (bundle.status() != RetentionStatus.ACTIVE || !archive.holds(due.bundleSha256())) {
                // Archived meanwhile by another instance; or the file went with a deletion of another seal sharing the
                // digest, and the next run writes it again.
                return Optional.<CleanupAction>empty();
            }
            bundle.archive(now);
            if (sharing.stream().noneMatch(other -> other != bundle && other.status() == RetentionStatus.ACTIVE)) {
                activeBundles.remove(due.bundleSha256());
            }
            return Optional.of(record(due, CleanupAction.Kind.ARCHIVED, now));
        });
    }

    private Optional<CleanupAction> delete(Due due, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<RetainedBundle> sharing = RetainedBundle.lockSharing(due.bundleSha256());
            RetainedBundle bundle = find(sharing, due);
            if (bundle.status() != RetentionStatus.ARCHIVED) {
                return Optional.<CleanupAction>empty();
            }
            bundle.delete(now);
            CleanupAction deleted = record(due, CleanupAction.Kind.DELETED, now);
            if (sharing.stream().noneMatch(other -> other != bundle && other.status() == RetentionStatus.ARCHIVED)) {
                // Under the lock, before the commit: should the commit fail, the seal stays ARCHIVED without its file,
                // and the next run deletes it again, which finds nothing left to remove.
                archive.remove(due.bundleSha256());
            }
            return Optional.of(deleted);
        });
    }

    private CleanupAction record(Due due, CleanupAction.Kind kind, Instant now) {
        CleanupAction action = new CleanupAction(due.subject(), due.seal(), due.bundleSha256(), kind, due.periodEndedAt(), now, due.policy());
        CleanupRecord.of(action).persist();
        // The action's time is when the job acted: it is a fact of its own, not derived from the events. Its id
        // follows from the seal and the action, so the same action can never be published as two events.
        outbox.append(Topics.EVIDENCE, due.subject(), eventOf(action), due.triggerEventId() + "/" + kind, now);
        return action;
    }

    private static EvidenceRetentionApplied eventOf(CleanupAction action) {
        return EvidenceRetentionApplied.newBuilder()
                .setSubject(action.subject())
                .setSeal(action.seal())
                .setAction(RetentionAction.valueOf(action.action().name()))
                .setBundleSha256(action.bundleSha256())
                .setPolicy(action.policy())
                .setPeriodEndedAt(action.periodEndedAt())
                .setAppliedAt(action.appliedAt())
                .build();
    }

    private static RetainedBundle find(List<RetainedBundle> sharing, Due due) {
        return sharing.stream().filter(b -> b.subject.equals(due.subject()) && b.seal == due.seal()).findFirst()
                .orElseThrow(() -> new IllegalStateException("its seal no longer has the digest it was found with"));
    }

    private static long count(List<CleanupAction> actions, CleanupAction.Kind kind) {
        return actions.stream().filter(a -> a.action() == kind).count();
    }
}
