/**
 * Pipeline results in: the consumer of gatehouse.rehearsals, which keeps every RehearsalResultReceived on its release
 * (registered or not yet) and has the release re-evaluated; results the gates could never read are dead-lettered.
 */
package io.gatehouse.rehearsal.intake;
