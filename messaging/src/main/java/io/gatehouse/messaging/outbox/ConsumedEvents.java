package io.gatehouse.messaging.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The idempotent-consumer half of exactly-once effects: an event id is recorded in the same transaction as
 * the effect of the event, so a redelivered event finds its id already there and changes nothing. Most consumers
 * leave this to {@link IncomingEvents}.
 */
@ApplicationScoped
@IfBuildProperty(name = "gatehouse.outbox.enabled", stringValue = "true")
public class ConsumedEvents {

    private final EntityManager entityManager;

    ConsumedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Whether the event was consumed before: for effects that must be checked before their transaction starts. */
    @Transactional
    public boolean wasConsumed(String eventId) {
        return entityManager.createNativeQuery("select count(*) from consumed_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult() instanceof Number n && n.longValue() > 0;
    }

    /** Records the event as consumed; false when it was consumed before, and its effect must not be repeated. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String eventId, String topic) {
        return entityManager.createNativeQuery(
                        "insert into consumed_event (event_id, topic, consumed_at) values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .executeUpdate() == 1;
    }

    /**
     * Records every event of a batch as consumed with one statement; the ids that were not consumed before, whose
     * effects are to be applied now. An id the batch names twice is returned once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(Collection<String> eventIds, String topic) {
        @SuppressWarnings("unchecked")
        List<String> inserted = entityManager.createNativeQuery(
                        "insert into consumed_event (event_id, topic, consumed_at) select unnest(cast(?1 as varchar[])), ?2, now()"
                                + " on conflict do nothing returning event_id")
                .setParameter(1, eventIds.toArray(String[]::new))
                .setParameter(2, topic)
                .getResultList();
        return new HashSet<>(inserted);
    }
}
