/**
 * Retention of sealed evidence: the policy file (per protocol, an active and an archive period from the seal), the
 * scheduled job that moves expired bundles from the active store to the archive directory and deletes expired
 * archives, recording every action (table, {@code EvidenceRetentionApplied} event, the subject's
 * {@code cleanup-log.json}), and what the bundle endpoint asks of it ({@link io.gatehouse.evidence.retention.RetainedBundles}).
 */
package io.gatehouse.evidence.retention;
