package io.gatehouse.incident.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why stakeholders are told. The gate that waits for a notification follows from its reason: see
 * {@link #announcesResolution}. A notification's kind (the shared row's) is the reason as published.
 */
public enum NotificationReason {
    /** The incident was opened. */
    INCIDENT_OPENED("incident-opened"),
    /** The incident's severity changed: reclassified before settlement, or settled on another severity. */
    SEVERITY_CHANGED("severity-changed"),
    /** After settlement a classification proposed another severity; the settled one stands until consensus. */
    SEVERITY_PROPOSED("severity-proposed"),
    /** The incident was resolved; gate 4 waits for these. */
    INCIDENT_RESOLVED("incident-resolved");

    private final String published;

    NotificationReason(String published) {
        this.published = published;
    }

    /** The reason as StakeholdersNotified events carry it, and as a notification's kind. */
    public String published() {
        return published;
    }

    /** The reason a notification of {@code kind} was sent for; empty for a notification that is not to stakeholders. */
    public static Optional<NotificationReason> ofKind(String kind) {
        return Arrays.stream(values()).filter(reason -> reason.published.equals(kind)).findFirst();
    }

    /** Whether gate 4 (resolution) waits for this notification; every other one is gate 1's (severity alignment). */
    public boolean announcesResolution() {
        return this == INCIDENT_RESOLVED;
    }
}
