package io.gatehouse.messaging.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.messaging.WakeUpOnCommit;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Delivers pending notifications as Slack-compatible incoming-webhook POSTs ({@code {"text": ...}}), in three steps so
 * that no transaction holds a lock across the network call:
 * <ol>
 *   <li>claim: a short transaction takes the next due notification ({@code for update skip locked}, so instances share
 *       the work) and moves its next attempt past the delivery timeout, a lease no other sender takes over;</li>
 *   <li>deliver: the POST, outside any transaction;</li>
 *   <li>record: a transaction that locks the subject ({@link NotificationOutcomes#lockSubject}), then the notification
 *       at the version it claimed, writes the attempt's outcome and, once it is final, has the service publish it
 *       ({@link NotificationOutcomes#publishOutcome}) and tell whatever waits for it.</li>
 * </ol>
 * A failed attempt is retried with growing pauses; after {@value #MAX_ATTEMPTS} attempts the notification is given up,
 * and that too is published. A crash between delivering and recording delivers once more when the lease ends. A
 * service turns the sender on with {@code gatehouse.notification.enabled=true} and provides its
 * {@link NotificationOutcomes}.
 */
@ApplicationScoped
@IfBuildProperty(name = "gatehouse.notification.enabled", stringValue = "true")
public class NotificationSender {

    static final int MAX_ATTEMPTS = 6;
    /** Deliveries per run at most, so one run does not hold the scheduler thread for long. */
    private static final int BATCH = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Longer than a delivery can take (connect plus request timeout), so a claim outlives its attempt. */
    private static final Duration LEASE = TIMEOUT.multipliedBy(3);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    /** A notification taken for one attempt, at the version the claim left it. */
    record Claim(String id, String subject, long version, String channel, String text) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final NotificationChannels channels;
    private final NotificationOutcomes outcomes;
    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final WakeUpOnCommit wakeUp = new WakeUpOnCommit("notification-sender", this::deliverDue);

    NotificationSender(NotificationChannels channels, NotificationOutcomes outcomes, EntityManager entityManager,
                       TransactionSynchronizationRegistry transactions) {
        this.channels = channels;
        this.outcomes = outcomes;
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /** Delivers as soon as the current transaction, which asked for a notification, commits. */
    void deliverAfterCommit() {
        wakeUp.afterCommit(transactions);
    }

    @PreDestroy
    void stop() {
        wakeUp.stop();
    }

    /**
     * One run of the sender, as the scheduler starts it every {@code gatehouse.notification.poll-interval}, and as soon as
     * a transaction that asked for a notification commits. Runs at the same time share the work as instances do.
     */
    @Scheduled(every = "${gatehouse.notification.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        // One claim per attempt, so each lease covers exactly the delivery it guards, however many are due.
        for (int attempt = 0; attempt < BATCH; attempt++) {
            Optional<Claim> claim = QuarkusTransaction.requiringNew().call(this::claimNextDue);
            if (claim.isEmpty()) {
                return;
            }
            String failure = deliver(claim.get());
            QuarkusTransaction.requiringNew().run(() -> record(claim.get(), failure));
        }
    }

    private Optional<Claim> claimNextDue() {
        @SuppressWarnings("unchecked")
        List<Notification> due = entityManager.createNativeQuery(
                        "select * from notification where status = 'PENDING' and next_attempt_at <= now()"
                                + " order by requested_at, channel limit 1 for update skip locked", Notification.class)
                .getResultList();
        due.forEach(notification -> notification.nextAttemptAt = now().plus(LEASE));
        entityManager.flush();
        return due.stream().findFirst().map(n -> new Claim(n.id, n.subject, n.version, n.channel, n.text));
    }

    /** Null when delivered, else what went wrong. */
    private String deliver(Claim claim) {
        String url = channels.channels().get(claim.channel());
        if (url == null || url.isBlank()) {
            return "no URL is configured for channel " + claim.channel() + " (gatehouse.notify.channels." + claim.channel() + ")";
        }
        try {
            HttpRequest post = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", claim.text())), StandardCharsets.UTF_8))
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

    /** Records one attempt's outcome, unless another sender took the notification over since the claim. */
    void record(Claim claim, String failure) {
        outcomes.lockSubject(claim.subject());
        Notification notification = Notification.findById(claim.id(), LockModeType.PESSIMISTIC_WRITE);
        if (notification.version != claim.version() || notification.status != NotificationStatus.PENDING) {
            LOG.infof("notification %s was taken over after its lease ended; this attempt's outcome is not recorded", claim.id());
            return;
        }
        notification.attempts++;
        Instant now = now();
        if (failure == null) {
            notification.status = NotificationStatus.DELIVERED;
            notification.completedAt = now;
            finish(notification);
        } else if (notification.attempts >= MAX_ATTEMPTS) {
            LOG.errorf("gave up notifying %s about %s after %d attempts: %s", notification.channel, notification.subject,
                    notification.attempts, failure);
            notification.status = NotificationStatus.FAILED;
            notification.lastError = failure;
            notification.completedAt = now;
            finish(notification);
        } else {
            LOG.warnf("notifying %s about %s failed (attempt %d of %d), retrying: %s", notification.channel,
                    notification.subject, notification.attempts, MAX_ATTEMPTS, failure);
            notification.lastError = failure;
            notification.nextAttemptAt = now.plus(pauseAfter(notification.attempts));
        }
    }

    private void finish(Notification notification) {
        notification.outcomeEventId = outcomes.publishOutcome(notification);
        outcomes.outcomeRecorded(notification);
    }

    /** 2 s, 4 s, 8 s ... at most a minute: quick for a blip, gentle on a channel that is down. */
    static Duration pauseAfter(int attempts) {
        Duration pause = Duration.ofSeconds(1L << Math.min(attempts, 6));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
