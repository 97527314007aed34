/**
 * Waivers of failed gates over HTTP, as protocol 14 allows them: gate 1 by the release manager, gate 3 by the CISO and
 * the CTO with compensating controls; waiving gate 2 or 4 is refused, saying the protocol forbids it.
 */
package io.gatehouse.rehearsal.waiver;
