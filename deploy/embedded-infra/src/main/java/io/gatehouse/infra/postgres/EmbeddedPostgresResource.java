package io.gatehouse.infra.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Gives a Quarkus test a real PostgreSQL: the server named by {@code GATEHOUSE_DB_URL} (with
 * {@code GATEHOUSE_DB_USER} / {@code GATEHOUSE_DB_PASSWORD}), or else an embedded one started once per test JVM.
 * Each service keeps to its own schema, so services and tests can share one server.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Map<String, String> datasource;

    @Override
    public Map<String, String> start() {
        return datasource();
    }

    /** Datasource settings for the shared server, starting the embedded one on first use. */
    public static synchronized Map<String, String> datasource() {
        if (datasource == null) {
            String externalUrl = System.getenv("GATEHOUSE_DB_URL");
            datasource = externalUrl != null && !externalUrl.isBlank()
                    ? Map.of("quarkus.datasource.jdbc.url", externalUrl,
                            "quarkus.datasource.username", System.getenv().getOrDefault("GATEHOUSE_DB_USER", "postgres"),
                            "quarkus.datasource.password", System.getenv().getOrDefault("GATEHOUSE_DB_PASSWORD", ""))
                    : Map.of("quarkus.datasource.jdbc.url", startEmbedded().getJdbcUrl("postgres", "postgres"),
                            "quarkus.datasource.username", "postgres",
                            "quarkus.datasource.password", "");
        }
        return datasource;
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped by the shutdown hook.
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }
}
