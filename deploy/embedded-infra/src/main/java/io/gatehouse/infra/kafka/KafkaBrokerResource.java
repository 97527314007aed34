package io.gatehouse.infra.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * Gives a Quarkus test a real Kafka broker: the one named by {@code KAFKA_BOOTSTRAP_SERVERS}, or else the
 * project's own, started once per test JVM and shared by every test class in it.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static String bootstrapServers;
    private static KafkaBrokerProcess ownBroker;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    /** The broker's address, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            bootstrapServers = external != null && !external.isBlank() ? external : startSharedBroker();
        }
        return bootstrapServers;
    }

    /** The project's own broker, for tests that freeze it; empty when the tests use an external broker. */
    public static synchronized Optional<KafkaBrokerProcess> ownBroker() {
        bootstrapServers();
        return Optional.ofNullable(ownBroker);
    }

    @Override
    public void stop() {
        // The broker outlives one test class's application: the next class reuses it, and the JVM's
        // shutdown hook (or the broker's own parent watch) stops it.
    }

    private static String startSharedBroker() {
        try {
            ownBroker = KafkaBrokerProcess.start(Files.createTempDirectory("gatehouse-kafka-"));
            Runtime.getRuntime().addShutdownHook(new Thread(ownBroker::close, "kafka-broker-stop"));
            return ownBroker.bootstrapServers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
