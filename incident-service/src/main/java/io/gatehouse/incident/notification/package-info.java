/**
 * incident-service's notifications: stakeholder notifications routed per severity, and a failed gate's notices routed
 * per gate, both by the policy and written with the change they announce. The shared delivery
 * (io.gatehouse.messaging.notification) posts them with retries and records their latency; what their end means here
 * (StakeholdersNotified, GateFailureAnnounced, gates 1 and 4 waiting) is {@link
 * io.gatehouse.incident.notification.IncidentNotificationOutcomes}.
 */
package io.gatehouse.incident.notification;
