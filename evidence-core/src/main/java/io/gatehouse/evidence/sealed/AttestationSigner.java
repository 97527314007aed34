package io.gatehouse.evidence.sealed;

/**
 * Signs a DSSE payload: evidence-service with the log's key; a replay, which holds no private key, hands back the
 * signature the log recorded in EvidenceManifestSealed, so it rebuilds the same envelope.
 */
@FunctionalInterface
public interface AttestationSigner {

    /** The base64 Ed25519 signature of the payload's DSSE pre-authentication encoding. */
    String signature(String payloadType, byte[] payload);
}
