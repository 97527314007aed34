/**
 * Notifications to people, for both protocols: a {@link io.gatehouse.messaging.notification.Notification} is written
 * with the change it announces, delivered by {@link io.gatehouse.messaging.notification.NotificationSender} as a
 * Slack-compatible webhook POST ({@code {"text": ...}}) to the channel's URL ({@code gatehouse.notify.channels.<name>}),
 * retried with growing pauses, and recorded with its latency whether delivered or given up. What a notification means
 * to the service that asked for it (which lock to take, which event records its end) is that service's
 * {@link io.gatehouse.messaging.notification.NotificationOutcomes}. A service turns it on with
 * {@code gatehouse.notification.enabled=true} and creates the table {@code notification} in its own schema.
 */
package io.gatehouse.messaging.notification;
