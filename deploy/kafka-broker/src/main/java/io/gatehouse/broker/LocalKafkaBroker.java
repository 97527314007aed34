package io.gatehouse.broker;

import io.gatehouse.broker.topics.TopicSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;

/**
 * Runs one Apache Kafka broker in KRaft combined mode (broker and controller in one process) on loopback.
 *
 * <p>Formats the storage directory the first time, so a data directory survives restarts of a local
 * stack. Once clients can reach it, creates every declared Gatehouse topic and brings existing ones back to their
 * declared configuration ({@link TopicSetup}); the broker creates no other topic, so a misspelt name fails where it
 * is used. Then prints {@value #TOPICS_LINE} and {@value #READY_LINE}: whoever started the process waits for that
 * line instead of guessing with sleeps. When the topics cannot be made as declared, it prints {@value #FAILED_LINE}
 * with the reason and stops.
 */
public final class LocalKafkaBroker {

    /** Printed on standard output, followed by the bootstrap address, once the broker answers. */
    public static final String READY_LINE = "GATEHOUSE-KAFKA-READY";
    /** Printed before the ready line, followed by what the broker holds of the declared topics. */
    public static final String TOPICS_LINE = "GATEHOUSE-KAFKA-TOPICS";
    /** Printed on standard output, followed by the reason, when the broker stops instead of becoming ready. */
    public static final String FAILED_LINE = "GATEHOUSE-KAFKA-FAILED";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private LocalKafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        BrokerOptions options = BrokerOptions.parse(args);
        Path propertiesFile = writeServerProperties(options);
        formatStorageOnce(options, propertiesFile);
        options.parentPid().ifPresent(LocalKafkaBroker::exitWhenParentDies);

        Thread broker = new Thread(() -> kafka.Kafka.main(new String[] {propertiesFile.toString()}), "kafka-main");
        broker.start();
        awaitClientsCanConnect(options.bootstrapAddress());
        try {
            System.out.println(TOPICS_LINE + " " + TopicSetup.apply(options.bootstrapAddress()));
        } catch (TopicSetup.Disagreement | IllegalStateException | KafkaException notAsDeclared) {
            System.out.println(FAILED_LINE + " " + notAsDeclared.getMessage());
            System.out.flush();
            System.exit(1);
        }
        System.out.println(READY_LINE + " " + options.bootstrapAddress());
        System.out.flush();
        broker.join();
    }

    private static Path writeServerProperties(BrokerOptions options) throws IOException {
        Files.createDirectories(options.logDir());
        Properties server = new Properties();
        server.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + options.controllerPort()),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + options.port() + ",CONTROLLER://127.0.0.1:" + options.controllerPort()),
                Map.entry("advertised.listeners", "PLAINTEXT://" + options.bootstrapAddress()),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", options.logDir().toString()),
                Map.entry("num.partitions", "3"),
                // A single node can only hold one replica of the internal topics.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // Consumers join at once instead of waiting for group members that will never come.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Every topic is declared and created at start; a record for any other is refused, not a new topic.
                Map.entry("auto.create.topics.enable", "false")));
        Path file = options.dataDir().resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            server.store(out, "written by " + LocalKafkaBroker.class.getName());
        }
        return file;
    }

    private static void formatStorageOnce(BrokerOptions options, Path propertiesFile) {
        if (Files.exists(options.logDir().resolve("meta.properties"))) {
            return;
        }
        String[] format = {"format", "-t", Uuid.randomUuid().toString(), "-c", propertiesFile.toString()};
        int exitCode = StorageTool.execute(format, System.out);
        if (exitCode != 0) {
            throw new IllegalStateException("formatting " + options.logDir() + " failed with exit code " + exitCode);
        }
    }

    /** A test JVM killed with SIGKILL runs no shutdown hook, so the broker watches for it instead. */
    private static void exitWhenParentDies(long parentPid) {
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                sleep(Duration.ofMillis(500));
            }
            System.err.println("parent process " + parentPid + " is gone; stopping the broker");
            Runtime.getRuntime().halt(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void awaitClientsCanConnect(String bootstrapAddress) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapAddress,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("broker did not answer on " + bootstrapAddress + " within " + START_TIMEOUT, notYet);
                    }
                    sleep(Duration.ofMillis(200));
                }
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
