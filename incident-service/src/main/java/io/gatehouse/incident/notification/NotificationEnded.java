package io.gatehouse.incident.notification;

import java.time.Instant;

/**
 * A notification was delivered or given up, and its StakeholdersNotified event written: fired (as a CDI event) in the
 * transaction that recorded it, which holds the incident's lock, so the gates waiting for it re-evaluate on the
 * state just committed-to-be. The notification package fires it instead of calling the gates, which depend on it.
 *
 * @param outcomeEventId the StakeholdersNotified event, the cause of the gate evaluations that follow
 * @param at when the notification ended
 */
public record NotificationEnded(String incidentId, NotificationReason reason, String outcomeEventId, Instant at) {
}
