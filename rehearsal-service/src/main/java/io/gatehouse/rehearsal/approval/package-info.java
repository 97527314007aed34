/**
 * Approvals of a release over HTTP: upstream approvals (prerequisites of gate 1, which results never make stale) and
 * readiness approvals (gate 4, bound to the evidence they approved), each from the role its kind needs.
 */
package io.gatehouse.rehearsal.approval;
