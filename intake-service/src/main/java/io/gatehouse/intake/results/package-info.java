/**
 * Pipeline results of protocol 14: the kinds a pipeline can publish for a release, the headers that say which on
 * rehearsals.inbound, and parsing a result into the summary its RehearsalResultReceived carries. Pure: the HTTP
 * endpoints ({@code http}) and the consumer of rehearsals.inbound ({@code inbound}) both parse through here, and the
 * parsers of each format live in the sub-packages.
 */
package io.gatehouse.intake.results;
