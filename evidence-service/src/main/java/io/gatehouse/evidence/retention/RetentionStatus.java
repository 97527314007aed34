package io.gatehouse.evidence.retention;

/** Where a seal's bundle is kept. */
public enum RetentionStatus {
    /** In the active store, evidence-service's database: within its active period. */
    ACTIVE,
    /** In the archive directory: its active period ended, its archive period has not. */
    ARCHIVED,
    /** Nowhere: its archive period ended. */
    DELETED
}
