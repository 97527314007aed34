package io.gatehouse.messaging;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while PostgreSQL does not answer within {@link RetrySettings#dependencyTimeout()}. It stands in for Quarkus's
 * datasource check (turned off with {@code quarkus.datasource.health.enabled=false}), which validates a pooled
 * connection without a time limit and so gives no answer at all while the server is frozen.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class PostgreSqlReadiness implements HealthCheck {

    private final PostgreSql postgres;
    private final RetrySettings settings;

    PostgreSqlReadiness(PostgreSql postgres, RetrySettings settings) {
        this.postgres = postgres;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> unavailability = postgres.unavailability(settings.dependencyTimeout());
        return HealthCheckResponse.named(postgres.name()).status(unavailability.isEmpty())
                .withData("database", unavailability.map(why -> "does not answer: " + why).orElse("answers")).build();
    }
}
