package io.gatehouse.incident;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts a unit of work touches, of the incidents it locked, found with one indexed query instead of by loading each
 * incident's alerts; an alert the unit of work groups is added, so a later event of the same unit finds it.
 */
public final class GroupedAlerts {

    private record Key(String incidentId, String alertId) {
    }

    private final Map<Key, IncidentAlert> alerts = new HashMap<>();

    private GroupedAlerts() {
    }

    /** Those of {@code alertIds} grouped into any of {@code incidents}. */
    public static GroupedAlerts of(Collection<Incident> incidents, Collection<String> alertIds) {
        GroupedAlerts grouped = new GroupedAlerts();
        if (!incidents.isEmpty() && !alertIds.isEmpty()) {
            IncidentAlert.ofIncidents(incidents.stream().map(Incident::id).toList(), alertIds).forEach(grouped::add);
        }
        return grouped;
    }

    Optional<IncidentAlert> find(Incident incident, String alertId) {
        return Optional.ofNullable(alerts.get(new Key(incident.id(), alertId)));
    }

    void add(IncidentAlert alert) {
        alerts.put(new Key(alert.incidentId(), alert.alertId()), alert);
    }
}
