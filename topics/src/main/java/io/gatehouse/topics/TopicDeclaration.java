package io.gatehouse.topics;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One topic as Gatehouse needs it on a given cluster: its name, its partitions and replicas, and the topic-level
 * configuration it must have, in Kafka's own keys ({@code retention.ms}, ...) sorted by key.
 */
public record TopicDeclaration(String name, int partitions, int replicationFactor, SortedMap<String, String> config) {

    public TopicDeclaration {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException(name + " needs at least one partition and one replica");
        }
        config = Collections.unmodifiableSortedMap(new TreeMap<>(config));
    }

    /** The declared value of a configuration key, or null when the topic leaves it to the broker. */
    public String configValue(String key) {
        return config.get(key);
    }
}
