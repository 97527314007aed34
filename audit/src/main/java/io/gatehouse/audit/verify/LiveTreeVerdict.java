package io.gatehouse.audit.verify;

import io.gatehouse.audit.report.Difference;
import java.util.List;
import java.util.Optional;

/**
 * What the comparison of the live tree with the log found.
 *
 * @param firstBadLeaf the first live leaf that is not the log's, if any
 * @param differences everything found, the first bad leaf included
 * @param liveAhead live leaves past the end of the log's sequence: appended, but not on gatehouse.ledger yet when the
 *     log was read. Lag, not tampering.
 */
public record LiveTreeVerdict(long logLeaves, long liveLeaves, Optional<BadLeaf> firstBadLeaf, List<Difference> differences, long liveAhead) {

    public boolean intact() {
        return differences.isEmpty();
    }
}
