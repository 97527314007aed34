package io.gatehouse.broker.topics;

import io.gatehouse.topics.GatehouseTopics;
import io.gatehouse.topics.TopicDeclaration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Brings a broker to the declared topics ({@link GatehouseTopics}): creates the missing ones with their
 * configuration, and sets every declared key of an existing topic that differs or is only inherited from the broker
 * (one incremental alteration; keys the declaration does not name are left as they are). Partitions and replicas of
 * an existing topic are never changed: when they differ, nothing is changed at all and {@link Disagreement} says why.
 */
public final class TopicSetup {

    private static final Duration IN_EFFECT_POLL = Duration.ofMillis(200);

    /** The broker holds a declared topic with other partitions or replicas; nothing was changed. */
    public static final class Disagreement extends RuntimeException {
        Disagreement(String message) {
            super(message);
        }
    }

    private TopicSetup() {
    }

    /** {@link #apply(Admin)} on the broker at that address. */
    public static String apply(String bootstrapServers) {
        try (Admin admin = LiveTopics.connect(bootstrapServers)) {
            return apply(admin);
        }
    }

    /**
     * Returns once the broker holds every declared topic as declared, with the line that says what it holds.
     *
     * @throws Disagreement when an existing topic has other partitions or replicas than declared, or the broker does
     *     not take the declared settings within {@link LiveTopics#ANSWER_WITHIN}
     */
    public static String apply(Admin admin) {
        List<TopicDeclaration> declared = GatehouseTopics.forBrokers(LiveTopics.brokerCount(admin));
        Map<String, LiveTopic> live = LiveTopics.read(admin, GatehouseTopics.names());
        refuseOtherLayouts(declared, live);

        List<NewTopic> missing = new ArrayList<>();
        Map<ConfigResource, Collection<AlterConfigOp>> alterations = new HashMap<>();
        for (TopicDeclaration topic : declared) {
            LiveTopic actual = live.get(topic.name());
            if (actual == null) {
                missing.add(new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.of((short) topic.replicationFactor()))
                        .configs(topic.config()));
                continue;
            }
            List<AlterConfigOp> set = new ArrayList<>();
            topic.config().forEach((key, value) -> {
                LiveTopic.Value actualValue = actual.config().get(key);
                if (actualValue == null || !actualValue.setOnTopic() || !actualValue.value().equals(value)) {
                    set.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
                }
            });
            if (!set.isEmpty()) {
                alterations.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), set);
            }
        }
        if (!missing.isEmpty()) {
            LiveTopics.await(admin.createTopics(missing).all(), "creating the topics " + missing.stream().map(NewTopic::name).toList());
        }
        if (!alterations.isEmpty()) {
            LiveTopics.await(admin.incrementalAlterConfigs(alterations).all(),
                    "setting the declared configuration of " + alterations.keySet().stream().map(ConfigResource::name).sorted().toList());
        }
        awaitInEffect(admin, declared);
        return TopicComparison.asDeclared(declared);
    }

    private static void refuseOtherLayouts(List<TopicDeclaration> declared, Map<String, LiveTopic> live) {
        List<String> differences = new ArrayList<>();
        for (TopicDeclaration topic : declared) {
            if (live.containsKey(topic.name())) {
                differences.addAll(TopicComparison.layoutDifferences(topic, live.get(topic.name())));
            }
        }
        if (!differences.isEmpty()) {
            throw new Disagreement(String.join("; ", differences) + ". An existing topic's partitions and replicas are never changed,"
                    + " so nothing was changed: recreate the topic, or change its declaration in topics/");
        }
    }

    /** The controller has accepted a change when its call returns; the broker applies it a moment later. */
    private static void awaitInEffect(Admin admin, List<TopicDeclaration> declared) {
        long deadline = System.nanoTime() + LiveTopics.ANSWER_WITHIN.toNanos();
        while (true) {
            List<String> differences = TopicComparison.differences(declared, LiveTopics.read(admin, GatehouseTopics.names()));
            if (differences.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new Disagreement("the broker did not take the declared topic settings within " + LiveTopics.ANSWER_WITHIN + ": "
                        + String.join("; ", differences));
            }
            try {
                Thread.sleep(IN_EFFECT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker to take the declared topic settings", e);
            }
        }
    }
}
