/**
 * The content-addressed artifact store: each pipeline result's bytes, exactly as received, stored once under their
 * SHA-256, so events carry a digest instead of megabytes.
 */
package io.gatehouse.intake.results.artifacts;
