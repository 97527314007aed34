package io.gatehouse.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GatehouseTopicsTest {

    private static final List<TopicDeclaration> ONE_BROKER = GatehouseTopics.forBrokers(1);

    @Test
    void theLedgerHasExactlyOnePartitionAndEveryKeyedTopicThree() {
        Map<String, Integer> partitions = ONE_BROKER.stream()
                .collect(Collectors.toMap(TopicDeclaration::name, TopicDeclaration::partitions, (a, b) -> a, TreeMap::new));

        assertThat(partitions).containsEntry("gatehouse.ledger", 1);
        assertThat(partitions).hasSize(16).allSatisfy((name, count) -> {
            if (!name.equals("gatehouse.ledger")) {
                assertThat(count).as(name).isEqualTo(3);
            }
        });
    }

    @Test
    void everyTopicKeepsEveryRecordAndNoneIsCompacted() {
        assertThat(ONE_BROKER).allSatisfy(topic -> {
            assertThat(topic.configValue("cleanup.policy")).as(topic.name()).isEqualTo("delete");
            assertThat(topic.configValue("retention.ms")).as(topic.name()).isEqualTo("-1");
            assertThat(topic.configValue("retention.bytes")).as(topic.name()).isEqualTo("-1");
        });
    }

    @Test
    void aDeadLetterTopicKeepsItsRecordsAtLeastAsLongAsItsSource() {
        Map<String, TopicDeclaration> byName = ONE_BROKER.stream().collect(Collectors.toMap(TopicDeclaration::name, Function.identity()));
        List<TopicDeclaration> deadLetters = ONE_BROKER.stream().filter(topic -> topic.name().endsWith(".dlq")).toList();

        assertThat(deadLetters).hasSize(7).allSatisfy(dlq -> {
            TopicDeclaration source = byName.get(dlq.name().substring(0, dlq.name().length() - ".dlq".length()));
            if (source != null) {
                assertThat(keptFor(dlq, "retention.ms")).as(dlq.name()).isGreaterThanOrEqualTo(keptFor(source, "retention.ms"));
                assertThat(keptFor(dlq, "retention.bytes")).as(dlq.name()).isGreaterThanOrEqualTo(keptFor(source, "retention.bytes"));
                assertThat(dlq.configValue("max.message.bytes")).as(dlq.name()).isEqualTo(source.configValue("max.message.bytes"));
            }
        });
    }

    @Test
    void pipelineResultsOfSeventeenMebibytesFitTheirTopicsAndNothingElseIsRaised() {
        Map<String, String> limits = new TreeMap<>();
        ONE_BROKER.stream().filter(topic -> topic.configValue("max.message.bytes") != null)
                .forEach(topic -> limits.put(topic.name(), topic.configValue("max.message.bytes")));

        assertThat(limits).isEqualTo(Map.of("rehearsals.inbound", "17891328", "rehearsals.inbound.dlq", "17891328"));
    }

    @Test
    void aClusterHoldsThreeReplicasWithTwoInSyncAndTheLocalBrokerOneOfOne() {
        assertThat(GatehouseTopics.forBrokers(5)).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo(3);
            assertThat(topic.configValue("min.insync.replicas")).isEqualTo("2");
        });
        assertThat(GatehouseTopics.forBrokers(2)).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo(2);
            assertThat(topic.configValue("min.insync.replicas")).isEqualTo("2");
        });
        assertThat(ONE_BROKER).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).isEqualTo(1);
            assertThat(topic.configValue("min.insync.replicas")).isEqualTo("1");
        });
    }

    @Test
    void everyTopicAServiceConfiguresIsDeclared() throws IOException {
        Path root = Path.of(System.getProperty("gatehouse.root", ".."));
        List<String> configured;
        try (Stream<Path> files = Files.walk(root)) {
            configured = files
                    .filter(file -> file.endsWith(Path.of("src", "main", "resources", "application.properties")))
                    .filter(file -> !file.toString().contains("/target/"))
                    .flatMap(GatehouseTopicsTest::topicsNamedIn)
                    .distinct().sorted().toList();
        }

        assertThat(configured).as("topics named in the services' application.properties under " + root.toAbsolutePath())
                .contains("alerts.inbound", "gatehouse.alerts", "gatehouse.releases.dlq", "gatehouse.evidence.dlq");
        assertThat(GatehouseTopics.names()).containsAll(configured);
    }

    /** Values of {@code mp.messaging.*.topic}, {@code .topics} and {@code .dead-letter-queue.topic}. */
    private static Stream<String> topicsNamedIn(Path applicationProperties) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(applicationProperties)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("mp.messaging.") && (key.endsWith(".topic") || key.endsWith(".topics")))
                .flatMap(key -> Arrays.stream(properties.getProperty(key).split(",")))
                .map(String::trim);
    }

    @Test
    void namesAreUniqueAndInDeclarationOrder() {
        assertThat(GatehouseTopics.names()).doesNotHaveDuplicates()
                .isEqualTo(ONE_BROKER.stream().map(TopicDeclaration::name).toList());
    }

    private static long keptFor(TopicDeclaration topic, String key) {
        long value = Long.parseLong(topic.configValue(key));
        return value < 0 ? Long.MAX_VALUE : value;
    }
}
