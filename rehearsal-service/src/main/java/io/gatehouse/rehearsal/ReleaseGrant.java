package io.gatehouse.rehearsal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What a person grants a release and what expires: an approval or a waiver, given at a time, published as an event,
 * counting until its expiry. Part of the release; changed only through it.
 */
@MappedSuperclass
public abstract class ReleaseGrant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "release_id")
    Release release;

    /** The ApprovalGranted or GateWaiverGranted event. */
    @Column(name = "event_id", nullable = false, unique = true)
    String eventId;

    @Column(name = "granted_at", nullable = false)
    Instant grantedAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    /** Set by the expiry job in the transaction that re-evaluated the release at the expiry instant. */
    @Column(nullable = false)
    boolean lapsed;

    void lapse() {
        lapsed = true;
    }

    public String eventId() {
        return eventId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean lapsed() {
        return lapsed;
    }
}
