package io.gatehouse.audit.verify;

/** What happened to the first live leaf that is not the log's. */
public enum Tamper {
    /** The same event, with other bytes, another leaf hash or another origin. */
    ALTERED,
    /** An event of the log is missing: the live leaves after it moved up. */
    DROPPED,
    /** The live tree holds an event the log never sequenced there, and the log's leaves follow it. */
    INSERTED,
    /** Events of the log are in the live tree at other leaves. */
    REORDERED,
    /** Another event, which the log never sequenced, stands where the log's event should. */
    REPLACED,
    /** The live tree ends before the log does. */
    TRUNCATED
}
