package io.gatehouse.broker.topics;

import io.gatehouse.topics.TopicDeclaration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/** What differs between the declared topics and a broker's, and the one line that says a broker holds them as declared. */
final class TopicComparison {

    private TopicComparison() {
    }

    /** Every difference, one line each, in declaration order; empty when the broker holds every topic as declared. */
    static List<String> differences(List<TopicDeclaration> declared, Map<String, LiveTopic> live) {
        List<String> differences = new ArrayList<>();
        for (TopicDeclaration topic : declared) {
            LiveTopic actual = live.get(topic.name());
            if (actual == null) {
                differences.add(topic.name() + ": missing");
                continue;
            }
            differences.addAll(layoutDifferences(topic, actual));
            topic.config().forEach((key, value) -> {
                LiveTopic.Value actualValue = actual.config().get(key);
                if (actualValue == null || !actualValue.value().equals(value)) {
                    differences.add(topic.name() + ": " + key + "=" + (actualValue == null ? "(unknown to the broker)" : actualValue.value())
                            + ", declared " + value);
                } else if (!actualValue.setOnTopic()) {
                    differences.add(topic.name() + ": " + key + "=" + value + " only as the broker's default, declared on the topic");
                }
            });
        }
        return differences;
    }

    /**
     * Differences in partitions and replicas, which are never changed on an existing topic: more partitions would send
     * a subject's later records to another partition than its earlier ones, and would split the ledger's total order.
     */
    static List<String> layoutDifferences(TopicDeclaration topic, LiveTopic actual) {
        List<String> differences = new ArrayList<>();
        if (actual.partitions() != topic.partitions()) {
            differences.add(topic.name() + ": " + count(actual.partitions(), "partition") + ", declared " + topic.partitions()
                    + (topic.partitions() == 1 ? " (one partition keeps its records in one total order)" : ""));
        }
        if (actual.replicationFactor() != topic.replicationFactor()) {
            differences.add(topic.name() + ": " + count(actual.replicationFactor(), "replica") + ", declared " + topic.replicationFactor());
        }
        return differences;
    }

    /**
     * The declared settings in one line, for example {@code 16 topics as declared: 3 partitions each, gatehouse.ledger 1;
     * replication factor 1; cleanup.policy=delete, ... on every topic; max.message.bytes=17891328 on rehearsals.inbound, ...}.
     */
    static String asDeclared(List<TopicDeclaration> declared) {
        List<String> parts = new ArrayList<>();
        parts.add(mostAndExceptions(declared, TopicDeclaration::partitions, n -> n + " partitions each"));
        parts.add(mostAndExceptions(declared, TopicDeclaration::replicationFactor, n -> "replication factor " + n));
        List<String> everywhere = new ArrayList<>();
        List<String> somewhere = new ArrayList<>();
        for (String key : declared.stream().flatMap(topic -> topic.config().keySet().stream()).collect(Collectors.toCollection(TreeSet::new))) {
            Map<String, List<String>> topicsByValue = new TreeMap<>();
            declared.stream().filter(topic -> topic.config().containsKey(key))
                    .forEach(topic -> topicsByValue.computeIfAbsent(topic.configValue(key), value -> new ArrayList<>()).add(topic.name()));
            topicsByValue.forEach((value, topics) -> {
                if (topics.size() == declared.size()) {
                    everywhere.add(key + "=" + value);
                } else {
                    somewhere.add(key + "=" + value + " on " + String.join(", ", topics));
                }
            });
        }
        if (!everywhere.isEmpty()) {
            parts.add(String.join(", ", everywhere) + " on every topic");
        }
        parts.addAll(somewhere);
        return declared.size() + " topics as declared: " + String.join("; ", parts);
    }

    /** "3 partitions each, gatehouse.ledger 1": the most frequent value, then the topics that have another. */
    private static String mostAndExceptions(List<TopicDeclaration> declared, ToIntFunction<TopicDeclaration> property,
                                            IntFunction<String> phrase) {
        Map<Integer, Long> frequency = declared.stream()
                .collect(Collectors.groupingBy(property::applyAsInt, TreeMap::new, Collectors.counting()));
        int most = frequency.entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
        Map<String, Integer> exceptions = new LinkedHashMap<>();
        declared.stream().filter(topic -> property.applyAsInt(topic) != most)
                .forEach(topic -> exceptions.put(topic.name(), property.applyAsInt(topic)));
        return exceptions.isEmpty() ? phrase.apply(most)
                : phrase.apply(most) + ", " + exceptions.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
