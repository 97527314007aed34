package io.gatehouse.intake.normalize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * One alert as Prometheus Alertmanager puts it in a webhook; Grafana's unified alerting sends the same shape
 * (it embeds an Alertmanager). Only the fields Gatehouse reads are declared; others are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrometheusAlert(
        String status,
        Map<String, String> labels,
        Map<String, String> annotations,
        String startsAt,
        String endsAt,
        String generatorURL,
        String fingerprint) {
}
