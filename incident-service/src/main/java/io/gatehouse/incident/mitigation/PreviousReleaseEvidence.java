package io.gatehouse.incident.mitigation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.events.ReadinessItem;
import io.gatehouse.events.ReadinessStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The readiness item protocol 14 provides: the previous release's {@code rollback-verification-report.json},
 * asked of evidence-service. When the report is not there, or cannot be had, the item is MISSING, never assumed.
 */
@ApplicationScoped
public class PreviousReleaseEvidence {

    static final String ITEM = "previous-release-rollback-verified";
    static final String REPORT = "rollback-verification-report.json";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String evidenceUrl;

    PreviousReleaseEvidence(@ConfigProperty(name = "gatehouse.evidence.url") String evidenceUrl) {
        this.evidenceUrl = evidenceUrl;
    }

    public ReadinessItem check(String previousRelease) {
        if (previousRelease == null || previousRelease.isBlank()) {
            return item(ReadinessStatus.MISSING, "the mitigation plan names no previous release to roll back to");
        }
        URI report = URI.create(evidenceUrl + "/v1/evidence/" + URLEncoder.encode(previousRelease, StandardCharsets.UTF_8)
                + "/artifacts/" + REPORT);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(report).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return fromReport(response.statusCode(), response.body(), previousRelease);
        } catch (IOException e) {
            return item(ReadinessStatus.MISSING, "cannot ask evidence-service (" + report + ") for " + REPORT + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return item(ReadinessStatus.MISSING, "interrupted while asking evidence-service for " + REPORT);
        }
    }

    /** The item, from evidence-service's answer: the report passed and within the RTO, or why not. */
    static ReadinessItem fromReport(int status, String body, String release) {
        if (status == 404) {
            return item(ReadinessStatus.MISSING, "evidence-service holds no " + REPORT + " for release " + release
                    + " (protocol 14's rollback rehearsal produces it)");
        }
        if (status / 100 != 2) {
            return item(ReadinessStatus.MISSING, "evidence-service answered HTTP " + status + " for release " + release + "'s " + REPORT);
        }
        try {
            JsonNode report = new ObjectMapper().readTree(body);
            if (!report.path("passed").isBoolean() || !report.path("durationSeconds").isNumber() || !report.path("rtoSeconds").isNumber()) {
                return item(ReadinessStatus.MISSING, release + "'s " + REPORT + " lacks passed, durationSeconds or rtoSeconds");
            }
            double duration = report.get("durationSeconds").asDouble();
            double rto = report.get("rtoSeconds").asDouble();
            if (!report.get("passed").asBoolean()) {
                return item(ReadinessStatus.FAILED, "the rollback rehearsal of release " + release + " failed");
            }
            if (duration > rto) {
                return item(ReadinessStatus.FAILED, "the rollback rehearsal of release " + release + " took " + duration + " s, over its RTO of " + rto + " s");
            }
            return item(ReadinessStatus.PASSED, "the rollback rehearsal of release " + release + " passed in " + duration + " s (RTO " + rto + " s)");
        } catch (IOException e) {
            return item(ReadinessStatus.MISSING, release + "'s " + REPORT + " is not JSON: " + e.getMessage());
        }
    }

    private static ReadinessItem item(ReadinessStatus status, String detail) {
        return ReadinessItem.newBuilder().setName(ITEM).setStatus(status).setDetail(detail).build();
    }
}
