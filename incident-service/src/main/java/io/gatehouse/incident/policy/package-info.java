/**
 * Protocol 17's policy file: severity thresholds and the service catalog, shipped with SPEC.md's defaults and
 * replaceable per deployment; versioned by its SHA-256.
 */
package io.gatehouse.incident.policy;
