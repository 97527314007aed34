package io.gatehouse.evidence.retention;

import java.time.Instant;

/**
 * One action of the retention job on one seal's bundle.
 *
 * @param periodEndedAt when the period that ended ran out: the active period for {@link Kind#ARCHIVED}, the archive
 *     period for {@link Kind#DELETED}
 * @param appliedAt when the job acted
 * @param policy the rule applied and the retention policy file's version, e.g. "release evidence: active 90 days,
 *     archived 1095 days (retention policy sha256:...)"
 */
public record CleanupAction(String subject, int seal, String bundleSha256, Kind action, Instant periodEndedAt, Instant appliedAt,
                            String policy) {

    public enum Kind {
        /** Moved from the active store to the archive. */
        ARCHIVED,
        /** Removed from the archive. */
        DELETED
    }
}
