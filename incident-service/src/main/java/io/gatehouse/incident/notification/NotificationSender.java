package io.gatehouse.incident.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.events.NotificationOutcome;
import io.gatehouse.events.StakeholdersNotified;
import io.gatehouse.events.Topics;
import io.gatehouse.incident.detection.Incident;
import io.gatehouse.incident.gates.IncidentGates;
import io.gatehouse.incident.messaging.Outbox;
import io.gatehouse.incident.resolution.IncidentResolution;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Delivers pending notifications as Slack-compatible incoming-webhook POSTs ({@code {"text": ...}}). A failed
 * attempt is recorded and retried with growing pauses; after {@value #MAX_ATTEMPTS} attempts the notification is
 * given up and that, too, is published. Either outcome re-evaluates the gate waiting for it: gate 4 for a
 * resolution notice, gate 1 otherwise.
 */
@ApplicationScoped
public class NotificationSender {

    static final int MAX_ATTEMPTS = 6;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final NotificationChannels channels;
    private final Outbox outbox;
    private final IncidentGates gates;
    private final IncidentResolution resolution;
    private final EntityManager entityManager;

    NotificationSender(NotificationChannels channels, Outbox outbox, IncidentGates gates, IncidentResolution resolution, EntityManager entityManager) {
        this.channels = channels;
        this.outbox = outbox;
        this.gates = gates;
        this.resolution = resolution;
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${gatehouse.notification.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void deliverDue() {
        @SuppressWarnings("unchecked")
        List<Notification> due = entityManager.createNativeQuery(
                        "select * from notification where status = 'PENDING' and next_attempt_at <= now()"
                                + " order by requested_at, channel limit 20 for update skip locked", Notification.class)
                .getResultList();
        due.forEach(this::attempt);
    }

    private void attempt(Notification notification) {
        notification.attempts++;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String failure = deliver(notification);
        if (failure == null) {
            notification.status = NotificationStatus.DELIVERED;
            notification.completedAt = now;
            finish(notification, NotificationOutcome.DELIVERED);
        } else if (notification.attempts >= MAX_ATTEMPTS) {
            LOG.errorf("gave up notifying %s about incident %s after %d attempts: %s", notification.channel, notification.incidentId,
                    notification.attempts, failure);
            notification.status = NotificationStatus.FAILED;
            notification.lastError = failure;
            notification.completedAt = now;
            finish(notification, NotificationOutcome.FAILED);
        } else {
            LOG.warnf("notifying %s about incident %s failed (attempt %d of %d), retrying: %s", notification.channel,
                    notification.incidentId, notification.attempts, MAX_ATTEMPTS, failure);
            notification.lastError = failure;
            notification.nextAttemptAt = now.plus(pauseAfter(notification.attempts));
        }
    }

    /** Null when delivered, else what went wrong. */
    private String deliver(Notification notification) {
        String url = channels.channels().get(notification.channel);
        if (url == null || url.isBlank()) {
            return "no URL is configured for channel " + notification.channel + " (gatehouse.notify.channels." + notification.channel + ")";
        }
        try {
            HttpRequest post = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", notification.text)), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode() + " from " + url + ": " + abbreviated(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of one string always serializes", e);
        } catch (IOException | IllegalArgumentException e) {
            return e.getClass().getSimpleName() + " posting to " + url + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while posting to " + url;
        }
    }

    private void finish(Notification notification, NotificationOutcome outcome) {
        StakeholdersNotified event = StakeholdersNotified.newBuilder()
                .setIncidentId(notification.incidentId)
                .setNotificationId(notification.id)
                .setChannel(notification.channel)
                .setAudience(Arrays.asList(notification.audience.split(",")))
                .setSeverity(notification.severity)
                .setReason(notification.reason)
                .setOutcome(outcome)
                .setAttempts(notification.attempts)
                .setRequestedAt(notification.requestedAt)
                .setCompletedAt(notification.completedAt)
                .setLatencyMillis(notification.latency().toMillis())
                .setLastError(notification.lastError)
                .build();
        notification.outcomeEventId = outbox.append(Topics.INCIDENTS, notification.incidentId, event, notification.id, notification.completedAt);
        Incident incident = Incident.findById(notification.incidentId);
        if (Notification.INCIDENT_RESOLVED.equals(notification.reason)) {
            resolution.evaluate(incident, notification.outcomeEventId, notification.completedAt);
        } else {
            gates.evaluateSeverityAlignment(incident, notification.outcomeEventId, notification.completedAt);
        }
    }

    /** 2 s, 4 s, 8 s ... at most a minute: quick for a blip, gentle on a channel that is down. */
    static Duration pauseAfter(int attempts) {
        Duration pause = Duration.ofSeconds(1L << Math.min(attempts, 6));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
