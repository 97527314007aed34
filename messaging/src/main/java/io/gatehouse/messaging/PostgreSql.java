package io.gatehouse.messaging;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/** The service's PostgreSQL, in services that have one. */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class PostgreSql implements Dependency {

    private final DataSource dataSource;

    PostgreSql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public Optional<String> unavailability(Duration timeout) {
        // The pool's acquisition timeout bounds getConnection; isValid bounds the round trip, also to a frozen server.
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()))
                    ? Optional.empty()
                    : Optional.of("no answer within " + timeout);
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public boolean explains(Throwable failure) {
        // SQLSTATE class 08: the connection failed or was lost; 57P: the server shuts down, crashed or is starting.
        return Dependency.causes(failure)
                .filter(SQLException.class::isInstance)
                .map(cause -> ((SQLException) cause).getSQLState())
                .anyMatch(state -> state != null && (state.startsWith("08") || state.startsWith("57P")));
    }
}
