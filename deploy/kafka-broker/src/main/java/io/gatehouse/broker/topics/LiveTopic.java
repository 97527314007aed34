package io.gatehouse.broker.topics;

import java.util.Map;

/**
 * A topic as a broker holds it: its partitions, the replicas of its first partition, and for each configuration key
 * the value in effect and whether it is set on the topic itself or only inherited from the broker's defaults.
 */
record LiveTopic(String name, int partitions, int replicationFactor, Map<String, Value> config) {

    record Value(String value, boolean setOnTopic) {
    }
}
