/**
 * Protocol 17's gates: each a pure evaluation of measured facts against the policy's thresholds, and the bean that
 * gathers the facts, records the outcome on the incident and publishes it as GateEvaluated.
 */
package io.gatehouse.incident.gates;
