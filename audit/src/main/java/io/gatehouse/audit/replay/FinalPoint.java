package io.gatehouse.audit.replay;

/** A point the subject's protocol calls final, reached by the event at {@code leafIndex}: where evidence-service seals. */
public record FinalPoint(String subject, String triggerEventId, long leafIndex) {
}
