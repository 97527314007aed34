package io.gatehouse.audit.replay;

import io.gatehouse.audit.report.Difference;
import io.gatehouse.evidence.sealed.SealedBundle;
import java.util.List;
import java.util.Optional;

/**
 * One seal evidence-service published, sealed again from the log.
 *
 * @param rebuilt the bundle sealed from the log; empty when the log does not hold what it takes
 * @param bundleBuilt whether the log holds the seal's EvidenceBundleBuilt yet
 * @param differences every way the published seal differs from the rebuilt one
 */
public record SealOutcome(String subject, int seal, Optional<SealedBundle> rebuilt, boolean bundleBuilt, List<Difference> differences) {

    public boolean identical() {
        return rebuilt.isPresent() && differences.isEmpty();
    }
}
