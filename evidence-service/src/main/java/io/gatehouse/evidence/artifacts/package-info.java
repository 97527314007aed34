/**
 * Protocol 17's evidence artifacts, manifest and bundle, rendered purely from an incident's events in the ledger:
 * the same events always give the same bytes.
 */
package io.gatehouse.evidence.artifacts;
