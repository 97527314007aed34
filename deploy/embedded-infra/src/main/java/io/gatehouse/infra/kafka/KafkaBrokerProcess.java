package io.gatehouse.infra.kafka;

import io.gatehouse.infra.LoopbackPorts;
import io.gatehouse.infra.Processes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The project's Kafka broker (module deploy/kafka-broker) running as a child JVM on free loopback ports.
 * The child watches this JVM and stops when it dies, even on SIGKILL, so no test leaves a broker behind.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final String READY_LINE = "GATEHOUSE-KAFKA-READY";
    /** The broker's reason for stopping instead of becoming ready, such as a topic it will not change. */
    private static final String FAILED_LINE = "GATEHOUSE-KAFKA-FAILED";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final String bootstrapServers;

    private KafkaBrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker with its data under {@code dataDir} (fresh, or kept from an earlier broker), and returns once
     * clients can connect and every declared Gatehouse topic exists as declared.
     *
     * @throws IllegalStateException when the broker stops instead, with its reason
     */
    public static KafkaBrokerProcess start(Path dataDir) {
        int[] ports = LoopbackPorts.free(2);
        int port = ports[0];
        int controllerPort = ports[1];
        Path lib = brokerHome().resolve("lib");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", lib + "/*",
                "io.gatehouse.broker.LocalKafkaBroker",
                "--data", dataDir.toString(),
                "--port", String.valueOf(port),
                "--controller-port", String.valueOf(controllerPort),
                "--watch-parent", String.valueOf(ProcessHandle.current().pid())));
        try {
            Files.createDirectories(dataDir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            awaitReady(process, dataDir.resolve("broker.log"));
            return new KafkaBrokerProcess(process, "127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker from " + lib, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Freezes the broker (SIGSTOP), as a hung machine or a long pause would: its connections stay open and nothing
     * answers on them until {@link #thaw()}.
     */
    public void freeze() {
        signal("STOP");
    }

    /** Lets a frozen broker carry on (SIGCONT). */
    public void thaw() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + kill.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal the Kafka broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling the Kafka broker", e);
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }

    /**
     * Where the broker is assembled: {@code gatehouse.broker.home} (set by the build for tests) or
     * {@code GATEHOUSE_BROKER_HOME}.
     */
    static Path brokerHome() {
        String home = System.getProperty("gatehouse.broker.home", System.getenv("GATEHOUSE_BROKER_HOME"));
        if (home == null || !Files.isDirectory(Path.of(home, "lib"))) {
            throw new IllegalStateException("no assembled Kafka broker at " + home
                    + "; build deploy/kafka-broker first (./mvnw -pl deploy/kafka-broker package)");
        }
        return Path.of(home);
    }

    /** Copies the broker's output to a log file, and returns once it printed its ready line. */
    private static void awaitReady(Process process, Path logFile) throws IOException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            String failure = "";
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var log = Files.newBufferedWriter(logFile)) {
                for (String line; (line = out.readLine()) != null; ) {
                    log.write(line);
                    log.newLine();
                    log.flush();
                    if (line.startsWith(READY_LINE)) {
                        ready.complete(null);
                    } else if (line.startsWith(FAILED_LINE)) {
                        failure = ": " + line.substring(FAILED_LINE.length()).trim();
                    }
                }
                ready.completeExceptionally(new IllegalStateException("the Kafka broker exited with " + process.waitFor() + failure + "; see " + logFile));
            } catch (IOException | InterruptedException e) {
                ready.completeExceptionally(e);
            }
        }, "kafka-broker-output");
        pump.setDaemon(true);
        pump.start();
        try {
            ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the Kafka broker was not ready within " + START_TIMEOUT + "; see " + logFile, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Kafka broker started", e);
        }
    }
}
