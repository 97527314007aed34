package io.gatehouse.bench.stack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The consumer groups of services and the topics each reads, as the services' own application.properties declare
 * them (every incoming channel: its {@code group.id}, its {@code topic} or {@code topics}), so the bench follows the
 * services' configuration rather than a copy of it.
 */
public final class ConsumerGroups {

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(group\\.id|topic|topics)");

    private ConsumerGroups() {
    }

    /** Group id to the topics it reads, for each of {@code services} (module directories under {@code root}). */
    public static Map<String, Set<String>> of(Path root, String... services) {
        Map<String, Set<String>> groups = new TreeMap<>();
        for (String service : services) {
            Path file = root.resolve(service).resolve("src/main/resources/application.properties");
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + service + "'s consumer groups from " + file + ": " + e.getMessage(), e);
            }
            groupsOf(properties).forEach((group, topics) -> groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).addAll(topics));
        }
        return groups;
    }

    /** Group id to topics, from one service's configuration; a channel without a group takes the application's name. */
    static Map<String, Set<String>> groupsOf(Properties properties) {
        Map<String, String> groupOfChannel = new TreeMap<>();
        Map<String, Set<String>> topicsOfChannel = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            Matcher matcher = INCOMING.matcher(name);
            if (!matcher.matches()) {
                continue;
            }
            String channel = matcher.group(1);
            String value = properties.getProperty(name).trim();
            if (matcher.group(2).equals("group.id")) {
                groupOfChannel.put(channel, value);
            } else {
                topicsOfChannel.computeIfAbsent(channel, c -> new LinkedHashSet<>())
                        .addAll(Arrays.stream(value.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList());
            }
        }
        Set<String> channels = new LinkedHashSet<>(groupOfChannel.keySet());
        channels.addAll(topicsOfChannel.keySet());
        Map<String, Set<String>> groups = new TreeMap<>();
        for (String channel : channels) {
            String group = groupOfChannel.getOrDefault(channel, properties.getProperty("quarkus.application.name", channel));
            // SmallRye reads the topic named like the channel when none is configured.
            Set<String> topics = topicsOfChannel.getOrDefault(channel, Set.of(channel));
            groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).addAll(topics);
        }
        return groups;
    }
}
