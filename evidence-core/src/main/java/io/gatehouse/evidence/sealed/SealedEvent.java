package io.gatehouse.evidence.sealed;

import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.log.CanonicalEvent;
import java.time.Instant;

/**
 * One of the subject's events as sealed: its leaf and the exact bytes hashed into it.
 *
 * @param canonical the event's canonical bytes (see {@link CanonicalEvent}); its id, type and time are the ones they carry
 */
public record SealedEvent(long leafIndex, String eventId, String type, Instant time, byte[] canonical) {

    /** The event at {@code leafIndex} as its canonical bytes describe it: what a verifier holding only the bytes knows. */
    public static SealedEvent of(long leafIndex, byte[] canonical) {
        CloudEvent attributes = CanonicalEvent.attributes(canonical);
        return new SealedEvent(leafIndex, attributes.id(), attributes.type(), attributes.time(), canonical);
    }

    /** The event as the renderers read it. */
    public LedgerEvent ledgerEvent() {
        return LedgerEvent.of(leafIndex + 1, eventId, type, time, canonical);
    }
}
