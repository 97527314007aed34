package io.gatehouse.events.codec;

/** Bytes that are not a Gatehouse event this build can read. */
public class EventCodecException extends RuntimeException {

    public EventCodecException(String message) {
        super(message);
    }

    public EventCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
