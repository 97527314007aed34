package io.gatehouse.audit.bench;

import io.gatehouse.audit.log.AuditedTopics;
import io.gatehouse.events.Topics;
import io.gatehouse.topics.GatehouseTopics;
import io.gatehouse.topics.TopicDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Makes a scratch broker ready for a synthetic log: the audited topics as Gatehouse declares them (the project's own
 * broker creates them when it starts; another broker gets the missing ones), each partition with a leader. Refuses a
 * broker whose audited topics hold a single record: a synthetic log is never written next to a real one.
 */
public final class ScratchTopics {

    private static final long TIMEOUT_SECONDS = 60;

    private ScratchTopics() {
    }

    /**
     * @throws IllegalStateException when an audited topic holds records, or the broker does not answer
     */
    public static void prepare(String bootstrapServers) {
        List<String> audited = new ArrayList<>(AuditedTopics.DOMAIN);
        audited.add(Topics.LEDGER);
        audited.add(Topics.EVIDENCE);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
            List<NewTopic> missing = GatehouseTopics.forBrokers(brokers).stream()
                    .filter(t -> audited.contains(t.name()) && !existing.contains(t.name()))
                    .map(ScratchTopics::newTopic).toList();
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, TopicDescription> topics = awaitLeaders(admin, audited);
            refuseRecords(admin, topics, bootstrapServers);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot prepare the bench's topics at " + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker at " + bootstrapServers + " did not prepare the bench's topics within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing the bench's topics", e);
        }
    }

    private static NewTopic newTopic(TopicDeclaration declared) {
        return new NewTopic(declared.name(), declared.partitions(), (short) declared.replicationFactor()).configs(declared.config());
    }

    private static Map<String, TopicDescription> awaitLeaders(Admin admin, List<String> names)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (topics.values().stream().flatMap(t -> t.partitions().stream()).allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                return topics;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the audited topics have partitions without a leader after " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(100);
        }
    }

    private static void refuseRecords(Admin admin, Map<String, TopicDescription> topics, String bootstrapServers)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        topics.values().forEach(t -> t.partitions().forEach(p -> ends.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
        List<String> holdingRecords = admin.listOffsets(ends).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                .filter(e -> e.getValue().offset() > 0).map(e -> e.getKey().toString()).sorted().toList();
        if (!holdingRecords.isEmpty()) {
            throw new IllegalStateException("the broker at " + bootstrapServers + " holds records on " + String.join(", ", holdingRecords)
                    + ": the bench writes a synthetic log, so give it a scratch broker");
        }
    }
}
