package io.gatehouse.incident.feedback;

import io.gatehouse.events.AlertFeedbackRecorded;
import io.gatehouse.events.AlertFeedbackVerdict;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.Incident;
import io.gatehouse.incident.IncidentAlert;
import io.gatehouse.incident.errors.InvalidRequest;
import io.gatehouse.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Alert-tuning feedback for the monitoring owners: per alert of an incident, whether it was useful, noisy or late, or
 * which alert was missing, with a suggestion. Taken while the incident is open and after it closed.
 */
@ApplicationScoped
public class AlertTuning {

    private final Outbox outbox;

    AlertTuning(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * @param alertId one of the incident's alerts; null only for a MISSING alert, which {@code alertName} names
     * @throws InvalidRequest when the alert is not the incident's, or a missing alert has no name
     */
    @Transactional
    public AlertFeedbackRecorded record(String incidentId, String responder, String alertId, String alertName, AlertFeedbackVerdict verdict,
                                        String suggestion) {
        Incident incident = Incident.lock(incidentId);
        String name;
        if (verdict == AlertFeedbackVerdict.MISSING) {
            if (alertId != null || alertName == null || alertName.isBlank()) {
                throw new InvalidRequest("alert feedback", "a missing alert has no alert id; it needs the name of the alert that should have fired",
                        "send {\"verdict\": \"MISSING\", \"alertName\": \"...\", \"suggestion\": \"...\"}");
            }
            name = alertName;
        } else {
            IncidentAlert alert = alertId == null ? null : incident.alert(alertId).orElse(null);
            if (alert == null) {
                throw new InvalidRequest("alert feedback", "incident " + incidentId + " has no alert " + alertId,
                        "name one of the incident's alerts (GET /v1/incidents/" + incidentId + ", alerts[].alertId)");
            }
            name = alert.labels().getOrDefault("alertname", incident.alertName());
        }
        Instant at = Outbox.actionTime();
        AlertFeedbackRecorded event = AlertFeedbackRecorded.newBuilder().setIncidentId(incidentId).setAlertId(alertId).setAlertName(name)
                .setVerdict(verdict).setSuggestion(suggestion).setRecordedBy(responder).setRecordedAt(at).build();
        AlertFeedback feedback = new AlertFeedback();
        feedback.incidentId = incidentId;
        feedback.alertId = alertId;
        feedback.alertName = name;
        feedback.verdict = verdict;
        feedback.suggestion = suggestion;
        feedback.recordedBy = responder;
        feedback.recordedAt = at;
        feedback.eventId = outbox.appendAction(Topics.INCIDENTS, incidentId, event, at);
        feedback.persist();
        return event;
    }

    @Transactional
    public List<AlertFeedback> of(String incidentId) {
        Incident.require(incidentId);
        return AlertFeedback.ofIncident(incidentId);
    }
}
