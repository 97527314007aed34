package io.gatehouse.messaging.notification;

/** Where a notification is: waiting for a (next) attempt, delivered, or given up after every retry. */
public enum NotificationStatus { PENDING, DELIVERED, FAILED }
