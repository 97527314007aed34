package io.gatehouse.messaging.notification;

/**
 * The part of notification delivery that belongs to the service asking for notifications: it implements this as a CDI
 * bean. {@link NotificationSender} calls it in the transaction that records an attempt's outcome, in this order.
 */
public interface NotificationOutcomes {

    /**
     * Locks what recording an outcome about {@code subject} may change (incident-service: the incident's row), before
     * the notification's row is locked: every writer of the subject takes its lock first, so none waits for another in
     * the opposite order.
     */
    void lockSubject(String subject);

    /**
     * Publishes that {@code notification} ended, delivered or given up (through the service's outbox), and returns the
     * id of the event that says so; the sender records it on the notification.
     */
    String publishOutcome(Notification notification);

    /** Tells whatever waits for {@code notification} that it ended, once its outcome event is recorded on it. */
    default void outcomeRecorded(Notification notification) {
    }
}
