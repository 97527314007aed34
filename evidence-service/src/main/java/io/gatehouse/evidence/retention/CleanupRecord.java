package io.gatehouse.evidence.retention;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A retention action as stored: written once, in the transaction that changed the seal's status. */
@Entity
@Table(name = "retention_action")
class CleanupRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String subject;

    @Column(nullable = false)
    int seal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    CleanupAction.Kind action;

    @Column(name = "bundle_sha256", nullable = false)
    String bundleSha256;

    @Column(name = "period_ended_at", nullable = false)
    Instant periodEndedAt;

    @Column(name = "applied_at", nullable = false)
    Instant appliedAt;

    @Column(nullable = false)
    String policy;

    static CleanupRecord of(CleanupAction action) {
        CleanupRecord row = new CleanupRecord();
        row.subject = action.subject();
        row.seal = action.seal();
        row.action = action.action();
        row.bundleSha256 = action.bundleSha256();
        row.periodEndedAt = action.periodEndedAt();
        row.appliedAt = action.appliedAt();
        row.policy = action.policy();
        return row;
    }

    CleanupAction toAction() {
        return new CleanupAction(subject, seal, bundleSha256, action, periodEndedAt, appliedAt, policy);
    }

    /** The subject's actions in the order they were taken; actions of one run by seal, archiving before deleting. */
    static List<CleanupAction> ofSubject(String subject) {
        return CleanupRecord.<CleanupRecord>list("subject = ?1 order by appliedAt, seal, action", subject).stream()
                .map(CleanupRecord::toAction).toList();
    }

    /** The action of this kind on the seal, if retention took it. */
    static Optional<CleanupAction> of(String subject, int seal, CleanupAction.Kind kind) {
        return CleanupRecord.<CleanupRecord>find("subject = ?1 and seal = ?2 and action = ?3", subject, seal, kind)
                .firstResultOptional().map(CleanupRecord::toAction);
    }
}
