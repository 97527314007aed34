package io.gatehouse.events;

/**
 * The alert group an alert belongs to: its service and alert name. It is the key of {@link AlertReceived} on
 * gatehouse.alerts, so every alert of one group reaches incident-service in order, and the default grouping of
 * alerts into incidents there.
 */
public final class AlertGroups {

    static final String UNKNOWN_SERVICE = "unknown";

    private AlertGroups() {
    }

    public static String keyOf(AlertReceived alert) {
        return (alert.getService() == null ? UNKNOWN_SERVICE : alert.getService()) + ":" + alert.getAlertName();
    }
}
