package io.gatehouse.rehearsal;

import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.rehearsal.gates.Result;
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
import jakarta.persistence.Transient;
import java.time.Instant;

/**
 * One pipeline result a release received, kept as the event said it (its Avro bytes), superseded or not. Part of the
 * release; changed only through it.
 */
@Entity
@Table(name = "release_result")
public class ReceivedResult extends PanacheEntityBase {

    /** The order results arrived in: of two received at the same instant, the later arrival supersedes. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @ManyToOne(optional = false)
    @JoinColumn(name = "release_id")
    private Release release;

    @Column(name = "event_id", nullable = false, unique = true)
    private String eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RehearsalResultKind kind;

    private String scope;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;

    /** The RehearsalResultReceived event, Avro single-object encoded. */
    @Column(nullable = false)
    private byte[] payload;

    /** The result that replaces this one for the gates; null while this one counts. */
    @Column(name = "superseded_by")
    private String supersededBy;

    @Transient
    private RehearsalResultReceived decoded;

    static ReceivedResult of(Release release, String eventId, RehearsalResultReceived event) {
        ReceivedResult result = new ReceivedResult();
        result.release = release;
        result.eventId = eventId;
        result.kind = event.getKind();
        result.scope = event.getScope();
        result.receivedAt = event.getReceivedAt();
        result.submittedBy = event.getSubmittedBy();
        result.payload = EventCodec.encode(event);
        result.decoded = event;
        return result;
    }

    void supersededBy(String newerEventId) {
        supersededBy = newerEventId;
    }

    /** The result as the gates read it. */
    public Result result() {
        return Result.of(eventId, event());
    }

    public RehearsalResultReceived event() {
        if (decoded == null) {
            decoded = EventCodec.decode(payload, RehearsalResultReceived.class);
        }
        return decoded;
    }

    public String eventId() {
        return eventId;
    }

    public RehearsalResultKind kind() {
        return kind;
    }

    public String scope() {
        return scope;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    /** The result that replaces this one for the gates; null while this one counts. */
    public String supersededBy() {
        return supersededBy;
    }
}
