package io.gatehouse.intake.results.topics;

import io.gatehouse.events.Topics;
import io.gatehouse.messaging.Dependency;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes rehearsals.inbound and rehearsals.inbound.dlq accept a record as large as intake-service's producer may send
 * ({@code max.request.size} of the channel rehearsals-inbound-out, plus a record batch's framing). A broker's default
 * is about 1 MiB, less than a SARIF log can be; a topic that does not exist yet is created with the limit (before
 * the first record would create it with the default), one that has a lower limit gets it raised, one that has a
 * higher one is left alone. Whoever manages topics can set the limit themselves; then intake-service only reads it.
 *
 * <p>Checked once per process: an HTTP post, the consumer's next record and the readiness check each ask, and all
 * but the first that succeeds return at once. Until then results are refused with 503, and the consumer waits, as it
 * waits for any {@link Dependency}: a dead letter could not be written, and no record is dead-lettered for that.
 */
@ApplicationScoped
public class InboundTopicLimits implements Dependency {

    /** Room for a record batch's framing around one record of the producer's largest request. */
    static final int BATCH_FRAMING_BYTES = 64 * 1024;
    private static final List<String> TOPICS = List.of(Topics.REHEARSALS_INBOUND, Topics.REHEARSALS_INBOUND_DLQ);
    private static final Duration IN_EFFECT_POLL = Duration.ofMillis(100);

    /** The topics do not (yet) accept records of the required size; the message says why. */
    public static final class NotSet extends RuntimeException {
        NotSet(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Map<String, Object> adminConfig = new HashMap<>();
    private final long requiredBytes;
    private final Duration timeout;
    private volatile boolean set;
    private Admin admin;

    InboundTopicLimits(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "mp.messaging.outgoing.rehearsals-inbound-out.max.request.size") int maxRequestSize,
                       @ConfigProperty(name = "gatehouse.intake.store-timeout") Duration timeout) {
        // The same broker and security settings as the channels; consumer- and producer-only keys do not apply here.
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminConfig.put(key, value);
            }
        });
        this.requiredBytes = (long) maxRequestSize + BATCH_FRAMING_BYTES;
        this.timeout = timeout;
    }

    /** The {@code max.message.bytes} both topics need at least. */
    public long requiredBytes() {
        return requiredBytes;
    }

    /**
     * Returns once both topics accept records of {@link #requiredBytes()}, creating or raising their limit if need be.
     *
     * @throws NotSet when the broker does not answer within {@code gatehouse.intake.store-timeout} or refuses, saying
     *     which topic and why
     */
    public void ensure() {
        ensure(timeout);
    }

    private void ensure(Duration answerWithin) {
        if (set) {
            return;
        }
        synchronized (this) {
            if (set) {
                return;
            }
            if (admin == null) {
                admin = Admin.create(adminConfig);
            }
            for (String topic : TOPICS) {
                ensure(topic, answerWithin);
            }
            set = true;
        }
    }

    private void ensure(String topic, Duration answerWithin) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Optional<Long> limit = limitOf(resource, answerWithin);
        if (limit.isEmpty()) {
            NewTopic created = new NewTopic(topic, Optional.empty(), Optional.empty())
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(requiredBytes)));
            try {
                await(topic, admin.createTopics(List.of(created)).all(), answerWithin);
                awaitInEffect(resource, answerWithin);
                return;
            } catch (NotSet failed) {
                if (!(failed.getCause() instanceof TopicExistsException)) {
                    throw failed;
                }
                // Created meanwhile, e.g. by a producer's first record: raise its limit like any other's.
                limit = limitOf(resource, answerWithin);
            }
        }
        if (limit.orElse(0L) < requiredBytes) {
            AlterConfigOp raise = new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(requiredBytes)),
                    AlterConfigOp.OpType.SET);
            await(topic, admin.incrementalAlterConfigs(Map.of(resource, List.of(raise))).all(), answerWithin);
            awaitInEffect(resource, answerWithin);
        }
    }

    /**
     * Returns once the broker answers with the new limit. The controller has accepted a change when its call returns,
     * but the broker applies it a moment later, and a large record sent meanwhile would still be refused.
     */
    private void awaitInEffect(ConfigResource resource, Duration answerWithin) {
        long deadline = System.nanoTime() + answerWithin.toNanos();
        while (limitOf(resource, answerWithin).orElse(0L) < requiredBytes) {
            if (System.nanoTime() > deadline) {
                throw new NotSet(resource.name() + " does not yet accept records of " + requiredBytes + " bytes ("
                        + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + "): the broker has not applied the change within " + answerWithin, null);
            }
            try {
                Thread.sleep(IN_EFFECT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotSet(resource.name() + ": interrupted while waiting for the broker to apply its limit", e);
            }
        }
    }

    /** The topic's max.message.bytes, or empty when the topic does not exist. */
    private Optional<Long> limitOf(ConfigResource resource, Duration answerWithin) {
        try {
            Config config = await(resource.name(), admin.describeConfigs(List.of(resource)).values().get(resource), answerWithin);
            ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            return Optional.of(entry == null || entry.value() == null ? 0L : Long.parseLong(entry.value()));
        } catch (NotSet failed) {
            if (failed.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw failed;
        }
    }

    private <T> T await(String topic, KafkaFuture<T> future, Duration answerWithin) {
        String failure = topic + " cannot be made to accept records of " + requiredBytes + " bytes (" + TopicConfig.MAX_MESSAGE_BYTES_CONFIG + ")";
        try {
            return future.get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new NotSet(failure + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new NotSet(failure + ": the Kafka broker did not answer within " + answerWithin, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotSet(failure + ": interrupted while asking the Kafka broker", e);
        }
    }

    @Override
    public String name() {
        return "the size limit of " + String.join(" and ", TOPICS);
    }

    @Override
    public Optional<String> unavailability(Duration timeout) {
        try {
            ensure(timeout);
            return Optional.empty();
        } catch (NotSet notSet) {
            return Optional.of(notSet.getMessage());
        }
    }

    @Override
    public boolean explains(Throwable failure) {
        return Dependency.causes(failure).anyMatch(NotSet.class::isInstance);
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
    }
}
