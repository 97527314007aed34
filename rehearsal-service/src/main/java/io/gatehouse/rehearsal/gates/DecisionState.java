package io.gatehouse.rehearsal.gates;

/** Where a release's go/no-go stands. */
public enum DecisionState {
    /** No decision yet: nothing failed, and some gate still waits for an input. */
    PENDING,
    /** Every gate passed or was validly waived, and the hard rule holds. */
    GO,
    /** Not GO, with every reason; once a decision was taken, anything short of GO is NO_GO (a GO is revoked, not suspended). */
    NO_GO
}
