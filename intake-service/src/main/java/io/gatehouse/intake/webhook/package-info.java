/**
 * HTTP webhooks that land external alert payloads, unchanged, on alerts.inbound, and the readiness check that says
 * whether they can.
 */
package io.gatehouse.intake.webhook;
