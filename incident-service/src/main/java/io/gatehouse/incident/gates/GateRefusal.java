package io.gatehouse.incident.gates;

import io.gatehouse.events.GateOutcome;

/**
 * What a refusal that rests on a gate says of it, as the error template's last two fields: the gate's criteria, and
 * what was actual when the request came.
 */
public record GateRefusal(String criteria, String actual) {

    /**
     * @param outcome the gate's last published outcome; null when it was never evaluated
     * @param now the gate evaluated on the state as it is; null when there is nothing for it to read
     */
    static GateRefusal of(int gate, String name, String passes, GateOutcome outcome, GateVerdict now) {
        String which = "gate " + gate + " (" + name + ")";
        String criteria = which + " " + passes + (now == null ? "" : ": " + now.criteria());
        String actual = which + " " + (outcome == null ? "not evaluated" : outcome.name())
                + (now == null ? ": there is no mitigation plan" : ": " + now.actual());
        return new GateRefusal(criteria, actual);
    }
}
