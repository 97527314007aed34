/**
 * Evidence as any protocol has it, rendered purely from a subject's events in the ledger: artifacts, the plan that
 * declares each one once (name, media type, source events, renderer), evidence-manifest.json and the reproducible
 * bundle, deterministic JSON and text. A protocol ({@link io.gatehouse.evidence.artifacts.EvidenceProtocol}) says
 * which subjects are its own and declares its artifacts; this package depends on no protocol.
 */
package io.gatehouse.evidence.artifacts;
