/**
 * Phase 2, containment and mitigation planning: options and the chosen one with the affected scope, the rollback
 * readiness checklist (the previous release's rollback verification comes from protocol 14 via evidence-service,
 * and is MISSING when it is not there), approvals and waivers of gate 2, and the hard rule that guards a rollback.
 */
package io.gatehouse.incident.mitigation;
