/**
 * Protocol 14's policy file ({@code 14.yaml}): registration defaults, who approves and waives, each gate's thresholds,
 * the deployment checklist and where gate failures are announced. Shipped with SPEC.md's defaults, replaceable per
 * deployment, versioned by its SHA-256.
 */
package io.gatehouse.rehearsal.policy;
