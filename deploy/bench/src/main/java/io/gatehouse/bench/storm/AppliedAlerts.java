package io.gatehouse.bench.storm;

import io.gatehouse.bench.stack.Stack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What incident-service has applied, counted read-only in its database: the incidents of one service, and the alerts
 * grouped into them (rows of incident.incident_alert).
 */
final class AppliedAlerts implements AutoCloseable {

    /** Incidents of the service, and alerts applied to them. */
    record Count(long incidents, long alerts) {
    }

    private static final String COUNT = """
            select (select count(*) from incident.incident where service = ?),
                   (select count(*) from incident.incident_alert a join incident.incident i on i.id = a.incident_id where i.service = ?)
            """;

    private final Connection connection;
    private final PreparedStatement count;

    AppliedAlerts(Stack stack) {
        try {
            connection = DriverManager.getConnection(stack.dbUrl(), stack.dbUser(), stack.dbPassword());
            connection.setReadOnly(true);
            connection.setAutoCommit(true);
            count = connection.prepareStatement(COUNT);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to PostgreSQL at " + stack.dbUrl() + ": " + e.getMessage(), e);
        }
    }

    Count of(String service) {
        try {
            count.setString(1, service);
            count.setString(2, service);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return new Count(row.getLong(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the applied alerts of " + service + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Read-only and about to be dropped: nothing is lost when closing it fails.
        }
    }
}
