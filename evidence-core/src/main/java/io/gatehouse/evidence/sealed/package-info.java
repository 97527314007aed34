/**
 * Sealed evidence: a subject's bundle at one of its final points, made self-contained (the signed checkpoint, each
 * event's exact bytes, their inclusion proofs, a release decision's signed in-toto attestation, every file's digest),
 * and its offline verification, which needs nothing but the bundle and the log's public key. Both sides run the same
 * renderers, so a verifier re-derives every artifact from the bundle's events.
 */
package io.gatehouse.evidence.sealed;
