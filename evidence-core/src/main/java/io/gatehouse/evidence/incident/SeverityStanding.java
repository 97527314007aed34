package io.gatehouse.evidence.incident;

import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityConfirmed;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.util.List;
import java.util.Optional;

/**
 * Which severity stands. The incident commander's confirmation settles it; a classification recorded after that
 * carries the settled severity and is only a proposal, so the settled severity stands and consensus is asked for
 * again; a classification without one takes effect. The latest of these events says what stands.
 *
 * @param severity the severity that stands
 * @param settled whether it is the incident commander's settlement (then {@code settlement} is present), or the rules'
 *     proposal
 * @param settlement the incident commander's latest confirmation, if any
 * @param proposalsAfterSettlement classifications that carry a settled severity and came after the latest settlement:
 *     they await consensus, in ledger order
 */
record SeverityStanding(Severity severity, boolean settled, Optional<Recorded<SeverityConfirmed>> settlement,
                        List<Recorded<SeverityClassified>> proposalsAfterSettlement) {

    /** @return empty while no severity was classified or confirmed */
    static Optional<SeverityStanding> of(SubjectHistory history) {
        Optional<LedgerEvent> deciding = history.of(SeverityClassified.class, SeverityConfirmed.class).stream().reduce((earlier, later) -> later);
        if (deciding.isEmpty()) {
            return Optional.empty();
        }
        Optional<Recorded<SeverityConfirmed>> settlement = history.latest(SeverityConfirmed.class);
        long settledAt = settlement.map(s -> s.source().seq()).orElse(Long.MIN_VALUE);
        List<Recorded<SeverityClassified>> afterSettlement = history.all(SeverityClassified.class).stream()
                .filter(c -> c.event().getSettledSeverity() != null && c.source().seq() > settledAt).toList();
        if (deciding.get().event() instanceof SeverityConfirmed confirmed) {
            return Optional.of(new SeverityStanding(confirmed.getSeverity(), true, settlement, afterSettlement));
        }
        SeverityClassified classified = deciding.get().as(SeverityClassified.class);
        if (classified.getSettledSeverity() == null) {
            return Optional.of(new SeverityStanding(classified.getSeverity(), false, settlement, afterSettlement));
        }
        return Optional.of(new SeverityStanding(classified.getSettledSeverity(), settlement.isPresent(), settlement, afterSettlement));
    }

    /** A severity as responders write it: {@code SEV_1} is "SEV-1". */
    static String severity(Severity severity) {
        return severity == null ? "none" : severity.name().replace('_', '-');
    }

    boolean consensusAskedAgain() {
        return !proposalsAfterSettlement.isEmpty();
    }
}
