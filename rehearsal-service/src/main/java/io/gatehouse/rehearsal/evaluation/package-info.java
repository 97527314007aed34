/**
 * What happens when an input of a release's gates arrives: the gates that read it are evaluated, the readiness clock
 * moves, the decision is taken again, and each of these is published through the outbox (GateEvaluated,
 * ConfigurationDriftMeasured, RollbackRehearsalAssessed, ReleaseDecided).
 */
package io.gatehouse.rehearsal.evaluation;
