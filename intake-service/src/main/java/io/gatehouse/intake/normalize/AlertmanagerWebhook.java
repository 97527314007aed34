package io.gatehouse.intake.normalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * Prometheus Alertmanager's webhook body, version "4". Only the fields Gatehouse reads are declared; any
 * other field a newer Alertmanager adds is ignored rather than refused.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertmanagerWebhook(
        String version,
        String status,
        String receiver,
        String groupKey,
        String externalURL,
        List<Alert> alerts) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(
            String status,
            Map<String, String> labels,
            Map<String, String> annotations,
            String startsAt,
            String endsAt,
            String generatorURL,
            String fingerprint) {
    }
}
