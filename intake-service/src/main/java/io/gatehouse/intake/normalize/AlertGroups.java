package io.gatehouse.intake.normalize;

/**
 * The alert group an alert belongs to: its service and alert name. It keys AlertReceived on
 * gatehouse.alerts, so every alert of one group reaches incident-service in order.
 */
public final class AlertGroups {

    static final String UNKNOWN_SERVICE = "unknown";

    private AlertGroups() {
    }

    public static String keyOf(String service, String alertName) {
        return (service == null ? UNKNOWN_SERVICE : service) + ":" + alertName;
    }
}
