package io.gatehouse.incident.messaging;

import io.gatehouse.events.cloudevents.CloudEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes outbox rows in the order they were written and marks each published once the broker has it.
 * A crash between the two publishes the row again with the same event id, which consumers ignore.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 100;

    private final MutinyEmitter<byte[]> out;
    private final EntityManager entityManager;

    OutboxRelay(@Channel("outbox-out") MutinyEmitter<byte[]> out, EntityManager entityManager) {
        this.out = out;
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${gatehouse.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void publishPending() {
        // SKIP LOCKED lets several instances share the outbox without publishing one row twice at the same time.
        @SuppressWarnings("unchecked")
        List<OutboxEvent> pending = entityManager.createNativeQuery(
                        "select * from outbox_event where published_at is null order by seq limit ?1 for update skip locked",
                        OutboxEvent.class)
                .setParameter(1, BATCH)
                .getResultList();
        for (OutboxEvent row : pending) {
            RecordHeaders headers = new RecordHeaders();
            new CloudEvent(row.eventId, row.source, row.type, row.subject, row.time).writeTo(headers);
            out.sendMessageAndAwait(Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(row.topic).withKey(row.key).withHeaders(headers).build()));
            row.publishedAt = Instant.now();
        }
    }
}
