/**
 * Phase 1 consensus: responders confirm or dispute a proposed severity, the incident commander settles it, and a
 * responder can close an incident as a false positive. Every action is an authenticated person's.
 */
package io.gatehouse.incident.consensus;
