package io.gatehouse.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.topics.GatehouseTopics;
import io.gatehouse.topics.TopicDeclaration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's broker holds every topic of {@link GatehouseTopics} as declared, read back from the live broker with
 * the admin API, and keeps holding them so across restarts; and the check the launcher runs says so or names what
 * differs.
 */
class DeclaredTopicsTest {

    private static final List<TopicDeclaration> DECLARED = GatehouseTopics.forBrokers(1);

    private static KafkaBrokerProcess broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = KafkaBrokerProcess.start(Files.createTempDirectory("gatehouse-topics-test-"));
        admin = adminOf(broker);
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void everyDeclaredTopicExistsWithItsPartitionsAndItsConfigurationSetOnTheTopic() throws Exception {
        Map<String, TopicDescription> topics = admin.describeTopics(GatehouseTopics.names()).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(DECLARED.stream().map(DeclaredTopicsTest::resource).toList())
                .all().get(30, TimeUnit.SECONDS);

        assertThat(topics).hasSize(16);
        assertThat(topics.get("gatehouse.ledger").partitions()).hasSize(1);
        assertThat(topics.get("gatehouse.incidents").partitions()).hasSize(3);
        assertThat(configs.get(resource("gatehouse.incidents")).get("retention.ms").value()).isEqualTo("-1");
        assertThat(DECLARED).allSatisfy(declared -> {
            assertThat(topics.get(declared.name()).partitions()).as(declared.name()).hasSize(declared.partitions());
            assertThat(topics.get(declared.name()).partitions().get(0).replicas()).as(declared.name()).hasSize(declared.replicationFactor());
            Config live = configs.get(resource(declared.name()));
            assertThat(declared.config()).containsKeys("cleanup.policy", "retention.ms", "retention.bytes", "min.insync.replicas");
            declared.config().forEach((key, value) -> {
                assertThat(live.get(key).value()).as(declared.name() + " " + key).isEqualTo(value);
                assertThat(live.get(key).source()).as(declared.name() + " " + key + " is set on the topic, not a default")
                        .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            });
        });
    }

    @Test
    void theLaunchersCheckConfirmsTheSettingsInOneLine() {
        CheckResult check = check(broker);

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output().strip()).doesNotContain("\n").startsWith("16 topics as declared: 3 partitions each, gatehouse.ledger 1;")
                .contains("cleanup.policy=delete", "retention.bytes=-1", "retention.ms=-1", "max.message.bytes=17891328 on rehearsals.inbound");
    }

    @Test
    void aRecordForATopicNobodyDeclaredIsRefusedInsteadOfCreatingIt() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000),
                new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("gatehouse.incident", "key", "value")).get(10, TimeUnit.SECONDS))
                    .hasMessageContaining("gatehouse.incident not present in metadata");
        }

        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("gatehouse.incident");
    }

    @Test
    void settingsChangedOnTheBrokerAreNamedByTheCheckAndRestoredAtTheNextStart() throws Exception {
        Path data = Files.createTempDirectory("gatehouse-topics-drift-");
        try (KafkaBrokerProcess first = KafkaBrokerProcess.start(data); Admin firstAdmin = adminOf(first)) {
            alter(firstAdmin, "gatehouse.alerts", new AlterConfigOp(new ConfigEntry("retention.ms", "604800000"), AlterConfigOp.OpType.SET));
            alter(firstAdmin, "gatehouse.releases", new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET));
            // Kafka's default is -1 too: only the explicit setting is gone.
            alter(firstAdmin, "gatehouse.ledger", new AlterConfigOp(new ConfigEntry("retention.bytes", ""), AlterConfigOp.OpType.DELETE));
            awaitValue(firstAdmin, "gatehouse.alerts", "retention.ms", "604800000");
            awaitValue(firstAdmin, "gatehouse.releases", "cleanup.policy", "compact");

            CheckResult check = check(first);

            assertThat(check.exitCode()).isEqualTo(1);
            assertThat(check.output()).contains(
                    "gatehouse.alerts: retention.ms=604800000, declared -1",
                    "gatehouse.releases: cleanup.policy=compact, declared delete",
                    "gatehouse.ledger: retention.bytes=-1 only as the broker's default, declared on the topic");
        }

        try (KafkaBrokerProcess second = KafkaBrokerProcess.start(data); Admin secondAdmin = adminOf(second)) {
            assertThat(valueOf(secondAdmin, "gatehouse.alerts", "retention.ms").value()).isEqualTo("-1");
            assertThat(valueOf(secondAdmin, "gatehouse.releases", "cleanup.policy").value()).isEqualTo("delete");
            assertThat(valueOf(secondAdmin, "gatehouse.ledger", "retention.bytes").source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            assertThat(check(second).exitCode()).isZero();
        }
    }

    @Test
    void aLedgerGivenMorePartitionsStopsTheBrokerAtItsNextStartInsteadOfBeingChanged() throws Exception {
        Path data = Files.createTempDirectory("gatehouse-topics-ledger-");
        try (KafkaBrokerProcess first = KafkaBrokerProcess.start(data); Admin firstAdmin = adminOf(first)) {
            firstAdmin.createPartitions(Map.of("gatehouse.ledger", NewPartitions.increaseTo(3))).all().get(30, TimeUnit.SECONDS);
        }

        assertThatThrownBy(() -> KafkaBrokerProcess.start(data).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing was changed")
                .hasMessageContaining("gatehouse.ledger: 3 partitions, declared 1 (one partition keeps its records in one total order)");
    }

    private record CheckResult(int exitCode, String output) {
    }

    /** Runs the check as the launcher does: {@code TopicsCommand check} on the assembled broker's class path. */
    private static CheckResult check(KafkaBrokerProcess target) {
        try {
            Process process = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", KafkaBrokerProcess.brokerHome().resolve("lib") + "/*",
                    "io.gatehouse.broker.topics.TopicsCommand", "check", "--bootstrap-servers", target.bootstrapServers())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new CheckResult(process.waitFor(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the topic check", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the topic check ran", e);
        }
    }

    private static Admin adminOf(KafkaBrokerProcess target) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()));
    }

    private static ConfigResource resource(TopicDeclaration topic) {
        return resource(topic.name());
    }

    private static ConfigResource resource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }

    private static void alter(Admin admin, String topic, AlterConfigOp op) throws Exception {
        admin.incrementalAlterConfigs(Map.of(resource(topic), List.of(op))).all().get(30, TimeUnit.SECONDS);
    }

    private static ConfigEntry valueOf(Admin admin, String topic, String key) throws ExecutionException, InterruptedException {
        return admin.describeConfigs(List.of(resource(topic))).all().get().get(resource(topic)).get(key);
    }

    /** The controller has taken a change when its call returns; the broker answers with it a moment later. */
    private static void awaitValue(Admin admin, String topic, String key, String value) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!valueOf(admin, topic, key).value().equals(value)) {
            assertThat(Instant.now()).as(topic + " " + key + " did not become " + value).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
