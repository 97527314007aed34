package io.gatehouse.rehearsal.gates;

import java.time.Instant;

/**
 * Since when a release's package has been ready for readiness approval: gates 1 to 3 all passed or waived on the
 * evidence as it is now. Gate 4's approval latency runs from this moment to each readiness approval, and a readiness
 * approval given before it approved another package.
 */
public final class ReadinessClock {

    private ReadinessClock() {
    }

    /**
     * The moment after an evaluation of gates 1 to 3 at {@code at}.
     *
     * @param previous the moment before; null when they were not all passed or waived
     * @param clear whether they are all passed or waived now
     * @param newResult whether the evaluation's cause is a result: new evidence restarts the clock, since the package
     *     to approve changed
     */
    public static Instant readySince(Instant previous, boolean clear, boolean newResult, Instant at) {
        if (!clear) {
            return null;
        }
        return previous == null || newResult ? at : previous;
    }
}
