/**
 * What a release's readiness rests on besides its tests and scans, as a pipeline reports it in JSON: the operational
 * readiness (runbooks, on-call), each upstream artifact with its checksum, and the license audit.
 */
package io.gatehouse.intake.results.readiness;
