/**
 * Phase 4, resolution and handoff: root-cause evidence, the resolution and its notice to stakeholders, and gate 4,
 * whose passing closes the incident.
 */
package io.gatehouse.incident.resolution;
