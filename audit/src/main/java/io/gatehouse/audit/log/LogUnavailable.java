package io.gatehouse.audit.log;

/** The log cannot be read: the broker is unreachable or stopped answering. Nothing about the log's contents is known. */
public class LogUnavailable extends RuntimeException {

    public LogUnavailable(String message) {
        super(message);
    }
}
