/**
 * Stakeholder notifications: routed per severity by the policy, written with the change they announce, delivered
 * to Slack-compatible webhooks with retries, and recorded with their latency whether delivered or given up.
 */
package io.gatehouse.incident.notification;
