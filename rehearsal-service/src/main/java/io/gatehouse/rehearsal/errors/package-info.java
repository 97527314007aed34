/**
 * How rehearsal-service refuses, always in SPEC.md's error shape: not found, invalid body, not allowed now or by the
 * protocol (a gate's refusal with its criteria and what is actual), not authenticated, not permitted, database away.
 */
package io.gatehouse.rehearsal.errors;
