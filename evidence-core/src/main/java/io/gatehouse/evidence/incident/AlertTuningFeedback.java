package io.gatehouse.evidence.incident;

import io.gatehouse.events.AlertFeedbackRecorded;
import io.gatehouse.events.AlertFeedbackVerdict;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * alert-tuning-feedback.json: what responders said about the incident's alerts, grouped per alert for the monitoring
 * owners who tune them.
 *
 * @param alerts sorted by alert name, then alert id (a missing alert, which has none, first)
 */
record AlertTuningFeedback(String incidentId, boolean happened, int alertCount, List<Alert> alerts) {

    /**
     * @param alertId null for an alert that should have fired and did not
     * @param verdicts how often each verdict was given, in the verdicts' declared order
     * @param suggestions every suggestion made, in ledger order
     * @param feedback every piece of feedback on the alert, in ledger order
     */
    record Alert(String alertName, String alertId, SortedMap<AlertFeedbackVerdict, Integer> verdicts, List<String> suggestions,
                 List<Feedback> feedback) {
    }

    record Feedback(String eventId, Instant recordedAt, String recordedBy, AlertFeedbackVerdict verdict, String suggestion) {
    }

    private record AlertKey(String alertName, String alertId) {

        static final Comparator<AlertKey> ORDER = Comparator.comparing(AlertKey::alertName)
                .thenComparing(AlertKey::alertId, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    static AlertTuningFeedback of(SubjectHistory history) {
        Map<AlertKey, List<Recorded<AlertFeedbackRecorded>>> byAlert = new TreeMap<>(AlertKey.ORDER);
        for (Recorded<AlertFeedbackRecorded> recorded : history.all(AlertFeedbackRecorded.class)) {
            byAlert.computeIfAbsent(new AlertKey(recorded.event().getAlertName(), recorded.event().getAlertId()), key -> new ArrayList<>())
                    .add(recorded);
        }
        List<Alert> alerts = byAlert.entrySet().stream().map(e -> alert(e.getKey(), e.getValue())).toList();
        return new AlertTuningFeedback(history.subject(), !alerts.isEmpty(), alerts.size(), alerts);
    }

    private static Alert alert(AlertKey key, List<Recorded<AlertFeedbackRecorded>> recorded) {
        SortedMap<AlertFeedbackVerdict, Integer> verdicts = new TreeMap<>();
        recorded.forEach(r -> verdicts.merge(r.event().getVerdict(), 1, Integer::sum));
        return new Alert(key.alertName(), key.alertId(), verdicts,
                recorded.stream().map(r -> r.event().getSuggestion()).filter(Objects::nonNull).toList(),
                recorded.stream().map(r -> new Feedback(r.eventId(), r.event().getRecordedAt(), r.event().getRecordedBy(),
                        r.event().getVerdict(), r.event().getSuggestion())).toList());
    }
}
