package io.gatehouse.topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every Kafka topic Gatehouse uses, with the partitions and configuration it must have. The local broker creates
 * them from this list before any service runs, and brings an existing topic's configuration back to it; the launcher
 * and the tests check a live broker against it.
 *
 * <p>Every topic keeps its records forever: {@code retention.ms} and {@code retention.bytes} are {@value #UNLIMITED}
 * and {@code cleanup.policy} is {@code delete}, never {@code compact}, which would keep only a key's last record.
 * The domain topics are the log an auditor replays: evidence stays for up to six years after its seal (incident
 * evidence one year active and five archived), and the events under a seal can be older still. The ledger fixes
 * the order of that log's tree, and the evidence topic announces each seal. An inbound record is what a monitoring
 * system or a pipeline actually sent; the id of the event made from it names its position. A dead-letter record is
 * the only record of what was refused and why, so it is kept at least as long as its source: forever. Old evidence
 * is removed by the retention policy acting on sealed bundles, with a record of every action, never by the broker.
 *
 * <p>{@code min.insync.replicas} is set on every topic because every Gatehouse producer writes with
 * {@code acks=all}: it is what makes an acknowledged record survive the loss of a broker.
 */
public final class GatehouseTopics {

    private static final String CLEANUP_POLICY = "cleanup.policy";
    private static final String RETENTION_MS = "retention.ms";
    private static final String RETENTION_BYTES = "retention.bytes";
    private static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";
    private static final String MAX_MESSAGE_BYTES = "max.message.bytes";

    /** Kafka's value of {@code retention.ms} and {@code retention.bytes} for "no limit". */
    private static final String UNLIMITED = "-1";

    /**
     * The record size intake-service's largest pipeline result needs: the {@code max.request.size} of its
     * rehearsals-inbound-out channel (17 MiB) plus a record batch's framing (64 KiB), as InboundTopicLimits requires.
     */
    private static final long RESULT_RECORD_BYTES = 17_825_792L + 64 * 1024;

    /** Partitions of every keyed topic: a subject's records share one partition, so they stay in order. */
    private static final int KEYED_PARTITIONS = 3;
    private static final int REPLICAS_ON_A_CLUSTER = 3;
    private static final int IN_SYNC_REPLICAS_ON_A_CLUSTER = 2;

    private static final List<Topic> TOPICS = List.of(
            keyed("alerts.inbound"),
            keyed("alerts.inbound.dlq"),
            keyed("gatehouse.alerts"),
            keyed("gatehouse.alerts.dlq"),
            keyed("gatehouse.incidents"),
            keyed("gatehouse.rollbacks"),
            keyed("gatehouse.rollbacks.dlq"),
            keyed("rehearsals.inbound").with(MAX_MESSAGE_BYTES, String.valueOf(RESULT_RECORD_BYTES)),
            keyed("rehearsals.inbound.dlq").with(MAX_MESSAGE_BYTES, String.valueOf(RESULT_RECORD_BYTES)),
            keyed("gatehouse.rehearsals"),
            keyed("gatehouse.rehearsals.dlq"),
            keyed("gatehouse.releases"),
            keyed("gatehouse.releases.dlq"),
            // One partition: it carries the total order of the ledger's tree.
            new Topic("gatehouse.ledger", 1, Map.of()),
            keyed("gatehouse.evidence"),
            keyed("gatehouse.evidence.dlq"));

    private GatehouseTopics() {
    }

    /**
     * Every topic as a cluster of {@code brokers} brokers must hold it: three replicas of which two in sync where
     * there are enough brokers, one of one on a single broker (the local one).
     */
    public static List<TopicDeclaration> forBrokers(int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("a cluster has at least one broker, not " + brokers);
        }
        int replicas = Math.min(REPLICAS_ON_A_CLUSTER, brokers);
        int inSync = Math.min(IN_SYNC_REPLICAS_ON_A_CLUSTER, replicas);
        return TOPICS.stream().map(topic -> topic.declaredFor(replicas, inSync)).toList();
    }

    /** The topic named so, as {@link #forBrokers(int)} declares it; empty when Gatehouse has no such topic. */
    public static Optional<TopicDeclaration> named(String name, int brokers) {
        return forBrokers(brokers).stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    /** The names of every topic, in the order they are declared. */
    public static List<String> names() {
        return TOPICS.stream().map(Topic::name).toList();
    }

    private static Topic keyed(String name) {
        return new Topic(name, KEYED_PARTITIONS, Map.of());
    }

    /** A topic before the cluster's size is known: only what differs from the settings every topic has. */
    private record Topic(String name, int partitions, Map<String, String> ownConfig) {

        Topic with(String key, String value) {
            Map<String, String> config = new HashMap<>(ownConfig);
            config.put(key, value);
            return new Topic(name, partitions, config);
        }

        TopicDeclaration declaredFor(int replicas, int inSync) {
            Map<String, String> config = new HashMap<>(Map.of(
                    CLEANUP_POLICY, "delete",
                    RETENTION_MS, UNLIMITED,
                    RETENTION_BYTES, UNLIMITED,
                    MIN_INSYNC_REPLICAS, String.valueOf(inSync)));
            config.putAll(ownConfig);
            return new TopicDeclaration(name, partitions, replicas, new TreeMap<>(config));
        }
    }
}
