package io.gatehouse.incident.notification;

import io.gatehouse.events.Severity;
import io.gatehouse.messaging.notification.Notification;
import java.util.List;

/**
 * A notification to an incident's stakeholders, as incident-service reads the shared row: why it was sent and the
 * severity it announced.
 */
public record StakeholderNotice(Notification notification, NotificationReason reason, Severity severity) {

    /** The label under which a stakeholder notification keeps the severity it announced. */
    public static final String SEVERITY = "severity";

    /** The incident's notifications to its stakeholders, oldest first; other notices about it (a failed gate's) are not. */
    public static List<StakeholderNotice> of(String incidentId) {
        return Notification.about(incidentId).stream().flatMap(n -> NotificationReason.ofKind(n.kind())
                .map(reason -> new StakeholderNotice(n, reason, Severity.valueOf(n.label(SEVERITY)))).stream()).toList();
    }
}
