package io.gatehouse.audit.log;

/** How far a read of the log is: records read of the records there were when it started. */
@FunctionalInterface
public interface ReadProgress {

    ReadProgress NONE = (read, total) -> {
    };

    void read(long recordsRead, long recordsTotal);
}
