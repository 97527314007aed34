/** The list of evidence protocols, the one place that knows them all. */
package io.gatehouse.evidence.protocols;
