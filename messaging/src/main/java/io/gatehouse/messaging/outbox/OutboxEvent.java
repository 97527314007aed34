package io.gatehouse.messaging.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event written in the same transaction as the state change it reports, waiting for the relay to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /**
     * The key Hibernate knows the row by. It is assigned before the insert, so persisting a row only queues it: the
     * transaction's rows go to the database in JDBC batches when it commits, not one round trip each.
     */
    @Id
    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    /**
     * The order of appends, which the relay publishes in: filled by the table's sequence when the row is inserted,
     * in the order the rows were persisted, and read back only by later transactions.
     */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_key", nullable = false)
    public String key;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String subject;

    @Column(name = "event_time", nullable = false)
    public Instant time;

    /** The event, already Avro single-object encoded: the relay sends these exact bytes. */
    @Column(nullable = false)
    public byte[] payload;

    @Column(name = "published_at")
    public Instant publishedAt;
}
