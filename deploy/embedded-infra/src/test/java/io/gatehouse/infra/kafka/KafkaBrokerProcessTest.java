package io.gatehouse.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class KafkaBrokerProcessTest {

    @Test
    void theBrokerTakesAndServesRecords() throws Exception {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(Files.createTempDirectory("gatehouse-kafka-test-"))) {
            // The broker creates only the declared topics by itself.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("smoke", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), "smoke")) {
                RawRecords.send(broker.bootstrapServers(), "smoke", "key", Map.of("h", "v"), "hello".getBytes(StandardCharsets.UTF_8));

                var record = reader.await(1, r -> true, Duration.ofSeconds(30)).get(0);

                assertThat(record.key()).isEqualTo("key");
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("hello");
                assertThat(new String(record.headers().lastHeader("h").value(), StandardCharsets.UTF_8)).isEqualTo("v");
            }
        }
    }

    @Test
    void theBrokerStopsWhenTheProcessThatStartedItIsKilledWithSigkill() throws Exception {
        Process holder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgatehouse.broker.home=" + System.getProperty("gatehouse.broker.home"),
                "-cp", System.getProperty("java.class.path"),
                BrokerHolder.class.getName()))
                .redirectErrorStream(true)
                .start();
        long brokerPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("BROKER-PID "));
            assertThat(line).as("the holder's broker started").isNotNull();
            brokerPid = Long.parseLong(line.substring("BROKER-PID ".length()));
            assertThat(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive)).contains(true);

            holder.destroyForcibly(); // SIGKILL: no shutdown hook runs in the holder
            holder.waitFor();
        }

        Instant deadline = Instant.now().plusSeconds(20);
        while (ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false))
                .as("broker %d is still running after its parent was killed", brokerPid).isFalse();
    }
}
