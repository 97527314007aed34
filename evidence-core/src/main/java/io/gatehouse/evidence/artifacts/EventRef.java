package io.gatehouse.evidence.artifacts;

/**
 * An event named by an artifact: its CloudEvents id and type as the ledger records them.
 *
 * @param type null when the subject's ledger holds no event with this id, e.g. a cited event that has not arrived
 */
public record EventRef(String eventId, String type) {

    public static EventRef of(LedgerEvent event) {
        return new EventRef(event.eventId(), event.type());
    }

    /** The event with this id as the subject's ledger records it, or the bare id when it holds no such event. */
    public static EventRef of(String eventId, SubjectHistory history) {
        return history.event(eventId).map(EventRef::of).orElse(new EventRef(eventId, null));
    }
}
