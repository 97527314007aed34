/**
 * The live evidence-service as an auditor reaches it: its ledger's entries, checkpoint, proofs and public key over
 * HTTP, and where the log's verifier key an audit trusts comes from.
 */
package io.gatehouse.audit.live;
