/**
 * Phase 3, execution and recovery: RollbackRequested carried out (by the deployment system, or locally by the
 * bundled script executor), RollbackExecuted recorded, recovery checks reported, and gate 3; a failure returns the
 * incident to mitigation planning.
 */
package io.gatehouse.incident.execution;
