package io.gatehouse.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's PostgreSQL: {@code LocalPostgres --data DIR [--port N]} keeps its data under DIR across
 * restarts, prints {@value #READY_LINE} and the JDBC URL once it accepts connections, and runs until stopped.
 */
public final class LocalPostgres {

    public static final String READY_LINE = "GATEHOUSE-POSTGRES-READY";

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path data = null;
        int port = 15432;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: LocalPostgres --data DIR [--port N]");
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("usage: LocalPostgres --data DIR [--port N]");
        }
        EmbeddedPostgres postgres = stoppedOnExit(EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start());
        System.out.println(READY_LINE + " " + postgres.getJdbcUrl("postgres", "postgres"));
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Stops the server cleanly when this JVM exits, so its data directory is left consistent. */
    private static EmbeddedPostgres stoppedOnExit(EmbeddedPostgres postgres) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "postgres-stop"));
        return postgres;
    }
}
