/**
 * Phase 1 severity: signals gathered from an incident's alerts and the service catalog, and the rules that turn
 * them into a proposed SEV-1/2/3 with the rule that fired as the rationale. Pure logic, no framework, except that the
 * running aggregates of the signals ({@link io.gatehouse.incident.severity.RunningSignals}) are kept on the incident's row.
 */
package io.gatehouse.incident.severity;
