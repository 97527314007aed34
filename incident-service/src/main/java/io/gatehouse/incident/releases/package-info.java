/**
 * What incident-service knows of protocol 14's releases, learnt from the event log (gatehouse.releases) rather than
 * asked of another service: each release's latest rollback rehearsal (RollbackRehearsalAssessed), which the rollback
 * readiness checklist of gate 2 reads when an incident plans to roll back to that release.
 */
package io.gatehouse.incident.releases;
