package io.gatehouse.audit.bench;

import io.gatehouse.audit.log.AuditedTopics;
import io.gatehouse.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the audited topics on a scratch broker, laid out as Gatehouse lays them out (the ledger's on one partition,
 * so its order is total). Refuses a broker that has any of them already: a synthetic log is never written next to a
 * real one.
 */
public final class ScratchTopics {

    private static final int PARTITIONS = 3;

    private ScratchTopics() {
    }

    /**
     * Creates the topics and returns once every partition has a leader, so the first records written find one.
     *
     * @throws IllegalStateException when a topic exists already or the broker does not answer
     */
    public static void create(String bootstrapServers) {
        List<NewTopic> topics = new ArrayList<>();
        AuditedTopics.DOMAIN.forEach(t -> topics.add(new NewTopic(t, PARTITIONS, (short) 1)));
        topics.add(new NewTopic(Topics.LEDGER, 1, (short) 1));
        topics.add(new NewTopic(Topics.EVIDENCE, PARTITIONS, (short) 1));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                throw new IllegalStateException("the broker at " + bootstrapServers + " has Gatehouse's topics already (" + e.getCause().getMessage()
                        + "): the bench writes a synthetic log, so give it a scratch broker");
            }
            throw new IllegalStateException("cannot create the bench's topics at " + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker at " + bootstrapServers + " did not create the bench's topics within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the bench's topics", e);
        }
    }

    private static void awaitLeaders(Admin admin, List<String> names) throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(60, TimeUnit.SECONDS);
            if (topics.values().stream().flatMap(t -> t.partitions().stream()).allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the new topics have partitions without a leader after 60 s");
            }
            Thread.sleep(100);
        }
    }
}
