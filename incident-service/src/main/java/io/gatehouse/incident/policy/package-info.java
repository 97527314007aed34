/**
 * Protocol 17's policy file: severity thresholds, the service catalog, notification routing (per severity, and per
 * failed gate) and the thresholds of gates 3 and 4, shipped with SPEC.md's defaults and replaceable per deployment;
 * versioned by its SHA-256.
 */
package io.gatehouse.incident.policy;
