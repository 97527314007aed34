package io.gatehouse.messaging.outbox;

import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.messaging.WakeUpOnCommit;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in the order they were written and marks each published once the broker has it, in three
 * steps so that no transaction is open while the broker is asked:
 * <ol>
 *   <li>a short transaction takes (or renews) the relay lease, so one relay publishes at a time even with several
 *       instances, and reads the next rows;</li>
 *   <li>the rows are sent and their acknowledgements awaited, outside any transaction;</li>
 *   <li>a short transaction marks the acknowledged rows published.</li>
 * </ol>
 * A crash or a lost lease between sending and marking publishes a row again with the same event id, which consumers
 * ignore. A batch is sent whole before it is awaited, so the producer keeps the rows' order on each partition.
 *
 * <p>A cycle drains: it repeats while full batches are pending. It starts as soon as a transaction that appended to the
 * outbox commits ({@link Outbox} wakes the relay), so an event reaches the broker milliseconds after its state change;
 * the scheduler's {@code gatehouse.outbox.poll-interval} is the fallback, for rows another instance left or a wake-up
 * that came while this instance did not hold the lease. One cycle runs at a time in an instance.
 */
@ApplicationScoped
@IfBuildProperty(name = "gatehouse.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    /** Rows per batch: within the Kafka sink's default of 1,024 records in flight, so a batch is sent whole at once. */
    private static final int BATCH = 1000;
    /** How long the lease lasts: longer than a batch may take to be acknowledged, which {@link #ACKNOWLEDGEMENT} bounds. */
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration ACKNOWLEDGEMENT = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final String holder = "outbox-relay-" + UUID.randomUUID();
    private final MutinyEmitter<byte[]> out;
    private final EntityManager entityManager;
    private final ReentrantLock cycle = new ReentrantLock();
    private final WakeUpOnCommit wakeUp = new WakeUpOnCommit("outbox-relay", this::publishPending);
    private final TransactionSynchronizationRegistry transactions;

    OutboxRelay(@Channel("outbox-out") MutinyEmitter<byte[]> out, EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.out = out;
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /** Publishes as soon as the current transaction, which appended to the outbox, commits. */
    void publishAfterCommit() {
        wakeUp.afterCommit(transactions);
    }

    @PreDestroy
    void stop() {
        wakeUp.stop();
    }

    /**
     * One cycle of the relay, as the scheduler runs it every {@code gatehouse.outbox.poll-interval}: publishes batch after
     * batch until none is pending, a batch is not acknowledged whole, or another instance holds the lease.
     */
    @Scheduled(every = "${gatehouse.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void publishPending() {
        cycle.lock();
        try {
            boolean more = true;
            while (more) {
                List<OutboxEvent> pending = QuarkusTransaction.requiringNew().call(this::leaseAndRead);
                if (pending.isEmpty()) {
                    return;
                }
                List<Long> acknowledged = send(pending);
                if (!acknowledged.isEmpty()) {
                    QuarkusTransaction.requiringNew().run(() -> markPublished(acknowledged));
                }
                more = pending.size() == BATCH && acknowledged.size() == BATCH;
            }
        } finally {
            cycle.unlock();
        }
    }

    /** The next unpublished rows, when this relay holds the lease; none when another relay does. */
    private List<OutboxEvent> leaseAndRead() {
        int held = entityManager.createNativeQuery("update outbox_relay_lease set holder = ?1, expires_at = now() + make_interval(secs => ?2)"
                        + " where name = 'outbox' and (holder = ?1 or expires_at < now())")
                .setParameter(1, holder).setParameter(2, LEASE.toSeconds()).executeUpdate();
        if (held == 0) {
            return List.of();
        }
        List<OutboxEvent> rows = entityManager.createQuery("from OutboxEvent where publishedAt is null order by seq", OutboxEvent.class)
                .setMaxResults(BATCH).getResultList();
        rows.forEach(entityManager::detach);
        return rows;
    }

    /** The seq of every row the broker acknowledged, up to the first that failed (the rest are sent again next time). */
    private List<Long> send(List<OutboxEvent> rows) {
        // Subscribing starts each send at once, in the rows' order; the acknowledgements are awaited afterwards.
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (OutboxEvent row : rows) {
            RecordHeaders headers = new RecordHeaders();
            new CloudEvent(row.eventId, row.source, row.type, row.subject, row.time).writeTo(headers);
            sends.add(out.sendMessage(Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(row.topic).withKey(row.key).withHeaders(headers).build())).subscribeAsCompletionStage());
        }
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                sends.get(i).get(ACKNOWLEDGEMENT.toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(rows.get(i).seq);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("the broker did not acknowledge outbox event %s (%s); it is sent again", rows.get(i).eventId, e.getMessage());
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return acknowledged;
    }

    private void markPublished(List<Long> seqs) {
        entityManager.createNativeQuery("update outbox_event set published_at = now() where seq = any(?1) and published_at is null")
                .setParameter(1, seqs.toArray(Long[]::new)).executeUpdate();
    }
}
