/**
 * Sealed evidence: when a subject reaches a point its protocol calls final, its bundle is sealed under a signed
 * checkpoint, stored under its SHA-256 and announced on gatehouse.evidence; the HTTP resource serves the latest seal,
 * every seal, and the draft rendered from what is recorded so far.
 */
package io.gatehouse.evidence.sealing;
