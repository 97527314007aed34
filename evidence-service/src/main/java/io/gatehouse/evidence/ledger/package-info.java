/**
 * The tamper-evident ledger: every domain event, as canonical bytes, chained by SHA-256 to the entry before it;
 * the consumer that records events exactly once, and the verifier that names the first entry that was altered,
 * dropped or moved.
 */
package io.gatehouse.evidence.ledger;
