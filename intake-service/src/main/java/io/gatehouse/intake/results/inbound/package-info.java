/**
 * The consumer of rehearsals.inbound: every raw result, from intake-service's endpoints or any producer, parsed,
 * stored in the artifact store and announced as a RehearsalResultReceived on gatehouse.rehearsals.
 */
package io.gatehouse.intake.results.inbound;
