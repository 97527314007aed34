/**
 * The ledger as a transparency log, in plain Java: the canonical bytes of an event, the RFC 6962 Merkle tree over
 * them with its inclusion and consistency proofs, checkpoints signed as C2SP signed notes, and the hash chain.
 */
package io.gatehouse.evidence.log;
