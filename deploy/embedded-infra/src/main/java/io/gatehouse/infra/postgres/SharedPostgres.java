package io.gatehouse.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The PostgreSQL server for everything one test JVM runs: the server named by {@code GATEHOUSE_DB_URL} (with
 * {@code GATEHOUSE_DB_USER} / {@code GATEHOUSE_DB_PASSWORD}), or else an embedded one, started on first use and
 * stopped when the JVM exits. Each service keeps to its own schema, so all of them can share one server.
 */
public final class SharedPostgres {

    /** How to reach the server. */
    public record Connection(String jdbcUrl, String user, String password) {
    }

    private static Connection connection;

    private SharedPostgres() {
    }

    public static synchronized Connection connection() {
        if (connection == null) {
            String externalUrl = System.getenv("GATEHOUSE_DB_URL");
            connection = externalUrl != null && !externalUrl.isBlank()
                    ? new Connection(externalUrl, System.getenv().getOrDefault("GATEHOUSE_DB_USER", "postgres"),
                            System.getenv().getOrDefault("GATEHOUSE_DB_PASSWORD", ""))
                    : new Connection(startEmbedded().getJdbcUrl("postgres", "postgres"), "postgres", "");
        }
        return connection;
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            return LocalPostgres.stoppedOnExit(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }
}
