package io.gatehouse.audit.replay;

import io.gatehouse.audit.report.Difference;
import java.util.List;

/**
 * Every seal of the log, sealed again.
 *
 * @param seals each published seal, by subject and number
 * @param unsealed final points the log has no seal for yet: evidence-service's lag, not tampering
 * @param differences what does not belong to one seal: unreadable or conflicting records on gatehouse.evidence, seals
 *     with no final point
 */
public record SealReplay(List<SealOutcome> seals, List<FinalPoint> unsealed, List<Difference> differences) {
}
