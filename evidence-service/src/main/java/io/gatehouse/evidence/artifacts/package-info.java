/**
 * Protocol 17's evidence artifacts, manifest and bundle, rendered purely from an incident's events in the ledger:
 * the same events always give the same bytes. The set is planned from the events first ({@link
 * io.gatehouse.evidence.artifacts.EvidencePlan}), then each artifact is written, so the report and the traceability
 * matrix describe exactly the files the bundle holds.
 */
package io.gatehouse.evidence.artifacts;
