package io.gatehouse.rehearsal.concurrency;

import static io.gatehouse.rehearsal.TestPipeline.PRODUCTION;
import static io.gatehouse.rehearsal.TestPipeline.STAGING;
import static io.gatehouse.rehearsal.TestPipeline.WAIT;
import static io.gatehouse.rehearsal.TestPipeline.aMinuteAgo;
import static io.gatehouse.rehearsal.TestPipeline.approve;
import static io.gatehouse.rehearsal.TestPipeline.approveUpstream;
import static io.gatehouse.rehearsal.TestPipeline.awaitRelease;
import static io.gatehouse.rehearsal.TestPipeline.publish;
import static io.gatehouse.rehearsal.TestPipeline.publishAll;
import static io.gatehouse.rehearsal.TestPipeline.register;
import static io.gatehouse.rehearsal.TestPipeline.unique;
import static io.gatehouse.rehearsal.TestResults.coverage;
import static io.gatehouse.rehearsal.TestResults.passingRehearsal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.gatehouse.rehearsal.WebhookStubResource;
import io.gatehouse.rehearsal.TestPipeline;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The results consumer and an HTTP command write the same release: each takes the release's row lock first, so one
 * waits for the other and each reads what the other committed. The test holds the lock itself, sees both writers
 * wait for it, lets go, and finds the outcome of one order or the other, never a mix.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(WebhookStubResource.class)
class ConcurrentWritersTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aResultAndAReadinessApprovalArrivingTogetherAreAppliedOneAfterTheOther() throws Exception {
        String release = unique("checkout-6.0.0");
        register(release).then().statusCode(201);
        publishAll(passingRehearsal(release, STAGING, PRODUCTION, aMinuteAgo()));
        approveUpstream(release);
        awaitRelease(release, TestPipeline::firstGatesPassed);
        int waitingBefore = waitingForLocks();

        CompletableFuture<Response> approval;
        String rerun;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from release where id = ? for update")) {
                lock.setString(1, release);
                lock.executeQuery().close();
            }
            approval = CompletableFuture.supplyAsync(() -> approve(release, "rita", "release-manager", "readiness"));
            rerun = publish(coverage(release, 0.95, aMinuteAgo().plusSeconds(50)));

            await().atMost(WAIT).until(() -> waitingForLocks() >= waitingBefore + 2);
            assertThat(approval).isNotDone();
            holder.commit();
        }

        assertThat(approval.get().statusCode()).isEqualTo(201);
        JsonPath settled = awaitRelease(release, r -> r.getList("results.eventId").contains(rerun));
        List<String> seenByApproval = approvalEvidence(release);
        if (seenByApproval.contains(rerun)) {
            // The result first, then the approval of the evidence with it: GO.
            assertThat(settled.getString("decision")).isEqualTo("GO");
        } else {
            // The approval first (GO), then the result, which makes it stale: the GO is revoked.
            assertThat(settled.getString("decision")).isEqualTo("NO_GO");
            assertThat(settled.getBoolean("approvals.find { it.kind == 'readiness' }.stale")).isTrue();
        }
    }

    /** Sessions of this database waiting for a lock: the writers stopped at the release's row lock. */
    private int waitingForLocks() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private List<String> approvalEvidence(String release) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select evidence_event_ids::text from release_approval where release_id = ? and kind = 'readiness'")) {
            query.setString(1, release);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return List.of(rows.getString(1).replaceAll("[\\[\\]\" ]", "").split(","));
            }
        }
    }
}
