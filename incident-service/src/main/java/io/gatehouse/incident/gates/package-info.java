/**
 * Protocol 17's gates: each a pure evaluation of measured facts against the policy's thresholds, and the bean that
 * gathers the facts, records the outcome on the incident, publishes it as GateEvaluated and, when it failed, asks for
 * a notice to the roles the gate concerns, worded as the error template (with the gate's criteria and what was actual).
 * A refusal that rests on a gate asks it for the same two fields.
 */
package io.gatehouse.incident.gates;
