/**
 * Phase 2, containment and mitigation planning: options and the chosen one with the affected scope, the rollback
 * readiness checklist (the previous release's rollback rehearsal as protocol 14 assessed it, from this service's own
 * read model of gatehouse.releases, and MISSING when there is none), approvals and waivers of gate 2, and the hard rule
 * that guards a rollback.
 */
package io.gatehouse.incident.mitigation;
