package io.gatehouse.evidence.retention;

import io.gatehouse.evidence.artifacts.DeterministicJson;
import java.time.Instant;
import java.util.List;

/**
 * A subject's {@code cleanup-log.json}: every retention action on its sealed bundles, in the order taken. Its bytes
 * depend on the actions only.
 */
public record CleanupLog(String subject, List<Entry> actions) {

    public static final String NAME = "cleanup-log.json";

    /** One action; see {@link CleanupAction}. */
    public record Entry(int seal, String bundleSha256, CleanupAction.Kind action, Instant periodEndedAt, Instant appliedAt, String policy) {
    }

    static CleanupLog of(String subject, List<CleanupAction> actions) {
        return new CleanupLog(subject, actions.stream()
                .map(a -> new Entry(a.seal(), a.bundleSha256(), a.action(), a.periodEndedAt(), a.appliedAt(), a.policy())).toList());
    }

    byte[] bytes() {
        return DeterministicJson.write(this);
    }
}
