/** HTTP webhooks that land external alert payloads, unchanged, on alerts.inbound. */
package io.gatehouse.intake.webhook;
