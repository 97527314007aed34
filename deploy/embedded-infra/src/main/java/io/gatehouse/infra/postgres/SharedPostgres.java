package io.gatehouse.infra.postgres;

import java.util.Optional;

/**
 * The PostgreSQL server for everything one test JVM runs: the server named by {@code GATEHOUSE_DB_URL} (with
 * {@code GATEHOUSE_DB_USER} / {@code GATEHOUSE_DB_PASSWORD}), or else an embedded one, started on first use and
 * removed when the JVM exits. Each service keeps to its own schema, so all of them can share one server.
 */
public final class SharedPostgres {

    /** How to reach the server. */
    public record Connection(String jdbcUrl, String user, String password) {
    }

    private static Connection connection;
    private static RestartablePostgres embedded;

    private SharedPostgres() {
    }

    public static synchronized Connection connection() {
        if (connection == null) {
            String externalUrl = System.getenv("GATEHOUSE_DB_URL");
            if (externalUrl != null && !externalUrl.isBlank()) {
                connection = new Connection(externalUrl, System.getenv().getOrDefault("GATEHOUSE_DB_USER", "postgres"),
                        System.getenv().getOrDefault("GATEHOUSE_DB_PASSWORD", ""));
            } else {
                embedded = RestartablePostgres.startNew();
                connection = new Connection(embedded.jdbcUrl(), "postgres", "");
            }
        }
        return connection;
    }

    /** The embedded server, for tests that stop and restart it; empty when the tests use an external server. */
    public static synchronized Optional<RestartablePostgres> embedded() {
        connection();
        return Optional.ofNullable(embedded);
    }
}
