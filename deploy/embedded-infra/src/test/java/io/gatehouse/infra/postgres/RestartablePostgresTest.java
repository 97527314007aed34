package io.gatehouse.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class RestartablePostgresTest {

    @Test
    void aStoppedServerRefusesConnectionsAndComesBackOnTheSamePortWithItsData() throws SQLException {
        RestartablePostgres postgres = RestartablePostgres.startNew();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('before the outage')");
        }

        postgres.stop();
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl()).close()).isInstanceOf(SQLException.class);

        postgres.start();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet kept = statement.executeQuery("select value from kept")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("before the outage");
        }
    }
}
