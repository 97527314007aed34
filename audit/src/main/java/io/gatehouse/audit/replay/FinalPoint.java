package io.gatehouse.audit.replay;

/** A point the subject's protocol calls final: its {@code seal}-th, reached by the event at {@code leafIndex}. */
public record FinalPoint(String subject, int seal, String triggerEventId, long leafIndex) {
}
