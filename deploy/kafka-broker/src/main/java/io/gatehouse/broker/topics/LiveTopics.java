package io.gatehouse.broker.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;

/** Reads what a broker holds of the named topics, through the admin API. */
final class LiveTopics {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    private LiveTopics() {
    }

    /** An admin client that waits for each answer as long as {@link #ANSWER_WITHIN}. */
    static Admin connect(String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis()));
    }

    /** How many brokers the cluster has. */
    static int brokerCount(Admin admin) {
        return await(admin.describeCluster().nodes(), "listing the cluster's brokers").size();
    }

    /** The named topics that exist, by name; a topic that does not exist is absent. */
    static Map<String, LiveTopic> read(Admin admin, List<String> names) {
        Set<String> existing = await(admin.listTopics().names(), "listing the topics");
        List<String> present = names.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(present).allTopicNames(), "describing the topics " + present);
        List<ConfigResource> resources = present.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources).all(), "describing the configuration of " + present);
        Map<String, LiveTopic> live = new HashMap<>();
        for (ConfigResource resource : resources) {
            TopicDescription description = descriptions.get(resource.name());
            Map<String, LiveTopic.Value> config = new HashMap<>();
            for (ConfigEntry entry : configs.get(resource).entries()) {
                config.put(entry.name(), new LiveTopic.Value(String.valueOf(entry.value()),
                        entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG));
            }
            live.put(resource.name(), new LiveTopic(resource.name(), description.partitions().size(),
                    description.partitions().get(0).replicas().size(), config));
        }
        return live;
    }

    /** The answer to a request, for example {@code "listing the topics"}; a failure says which request failed and why. */
    static <T> T await(KafkaFuture<T> future, String request) {
        try {
            return future.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(request + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(request + ": no answer from the broker within " + ANSWER_WITHIN, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request + ": interrupted", e);
        }
    }
}
