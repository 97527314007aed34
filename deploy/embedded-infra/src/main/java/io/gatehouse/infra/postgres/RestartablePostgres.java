package io.gatehouse.infra.postgres;

import io.gatehouse.infra.LoopbackPorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL that a test can stop and start again on the same port with the same data, as an outage of a
 * real server would look to the services. Removed, data and all, when the JVM exits.
 */
public final class RestartablePostgres {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts a new server on a free loopback port with its data in a new temporary directory. */
    static RestartablePostgres startNew() {
        try {
            RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory("gatehouse-postgres-"), LoopbackPorts.free());
            postgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::remove, "postgres-remove"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** Starts the server, or starts it again after {@link #stop()}, and returns once it accepts connections. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Stops the server (pg_ctl stop, fast mode: open connections are closed), keeping its data. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private void remove() {
        stop();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dataDirectory, e);
        }
    }
}
