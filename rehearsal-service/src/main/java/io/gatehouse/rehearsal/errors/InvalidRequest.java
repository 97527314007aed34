package io.gatehouse.rehearsal.errors;

/** A request body that is incomplete or contradicts itself: 400, saying what to send instead. */
public class InvalidRequest extends Refusal {

    public InvalidRequest(String action, String context, String resolution) {
        super(warning(action, context, resolution));
    }
}
