package io.gatehouse.incident.errors;

/** A request body that is incomplete or contradicts itself: 400, saying what to send instead. */
public class InvalidRequest extends Refusal {

    public InvalidRequest(String action, String context, String resolution) {
        super(action, context, resolution);
    }
}
