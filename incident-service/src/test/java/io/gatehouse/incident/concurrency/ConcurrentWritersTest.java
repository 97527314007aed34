package io.gatehouse.incident.concurrency;

import static io.gatehouse.incident.TestAlerts.WAIT;
import static io.gatehouse.incident.TestAlerts.alertReceivedNow;
import static io.gatehouse.incident.TestAlerts.awaitIncident;
import static io.gatehouse.incident.TestAlerts.publish;
import static io.gatehouse.incident.TestAlerts.publishWithId;
import static io.gatehouse.incident.TestAlerts.unique;
import static io.gatehouse.incident.TestEvents.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.MitigationApproved;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.StakeholdersNotified;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.incident.HttpStubsResource;
import io.gatehouse.incident.PausableOutbox;
import io.gatehouse.incident.TestReleases;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of concurrent writer of an incident. Each stops one unit of work inside its transaction, after it
 * read the incident and before it commits ({@link PausableOutbox}), runs a second writer of the same incident meanwhile,
 * and only then lets the first one commit: the interleaving that lost updates when writers did not lock. The second
 * writer must wait for the first (it is seen waiting on a lock) and both changes must survive.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class ConcurrentWritersTest {

    private static final String PLAN = """
            {"options":[{"kind":"ROLLBACK","description":"Roll checkout back","pros":["known good"],"cons":["loses a fix"],"risks":["drift"]}],
             "chosen":"ROLLBACK","scope":{"services":["checkout"],"regions":["eu-west-1"],"description":"EU checkout"},
             "previousRelease":"%s"}""".formatted(TestReleases.REHEARSED_RELEASE);

    @Inject
    DataSource dataSource;

    @AfterEach
    void disarm() {
        PausableOutbox.disarm();
    }

    @Test
    void aConfirmationWhileTheNotificationSenderRecordsADeliveryIsNotLost() throws Exception {
        // The incident's id follows from the alert event's: the pause is armed before the sender can deliver.
        String alertEventId = UUID.randomUUID().toString();
        String id = CloudEvent.deriveId("incident", alertEventId);
        PausableOutbox.Pause senderRecording = PausableOutbox.pauseBefore(StakeholdersNotified.class, id);
        String alertName = unique("CheckoutHighErrorRate");
        publishWithId(alertReceivedNow(alertName, "a-" + alertName, AlertStatus.FIRING, Map.of("severity", "critical"), "checkout"), alertEventId);

        senderRecording.awaitReached(WAIT);
        CompletableFuture<Response> confirmation = concurrently(() -> as("iris", Roles.INCIDENT_COMMANDER).body("{}")
                .post("/v1/incidents/" + id + "/severity/confirmation"));
        awaitWaitingOnLockOrDone(confirmation);
        senderRecording.release();

        assertThat(confirmation.get().statusCode()).isEqualTo(200);
        await().atMost(WAIT).untilAsserted(() -> given().get("/v1/incidents/" + id).then()
                .body("severityConfirmedBy", equalTo("iris")).body("gate1", equalTo("PASSED")));
        given().get("/v1/incidents/" + id + "/notifications").then().body("[0].status", equalTo("DELIVERED"));
    }

    @Test
    void aFalsePositiveMarkedWhileTheAlertConsumerAppliesAnAlertIsNotLost() throws Exception {
        String alertName = unique("InventorySyncStalled");
        publish(alertReceivedNow(alertName, "a1-" + alertName, AlertStatus.FIRING, Map.of("burn_rate", "7"), "inventory"));
        String id = awaitIncident("inventory:" + alertName, 1).getString("id");
        PausableOutbox.Pause consumerApplying = PausableOutbox.pauseBefore(SeverityClassified.class, id);

        publish(alertReceivedNow(alertName, "a2-" + alertName, AlertStatus.FIRING, Map.of("burn_rate", "20"), "inventory"));
        consumerApplying.awaitReached(WAIT);
        CompletableFuture<Response> falsePositive = concurrently(() -> as("rita", Roles.RESPONDER).body("{\"reason\":\"a load test\"}")
                .post("/v1/incidents/" + id + "/false-positive"));
        awaitWaitingOnLockOrDone(falsePositive);
        consumerApplying.release();

        assertThat(falsePositive.get().statusCode()).isEqualTo(200);
        given().get("/v1/incidents/" + id).then().body("status", equalTo("FALSE_POSITIVE")).body("severity", equalTo("SEV_1"))
                .body("alerts.size()", equalTo(2));
    }

    @Test
    void twoApprovalsGivenAtOnceBothCountTowardsGateTwo() throws Exception {
        String id = openIncident("CheckoutLatency", Map.of("severity", "critical"), "checkout");
        as("iris", Roles.INCIDENT_COMMANDER).body("{}").post("/v1/incidents/" + id + "/severity/confirmation").then().statusCode(200);
        as("iris", Roles.INCIDENT_COMMANDER).body(PLAN).post("/v1/incidents/" + id + "/mitigation/plan").then().statusCode(200);
        TestReleases.awaitRehearsed();
        as("rhea", Roles.RELEASE_MANAGER).body("{\"rollbackScriptPresent\":true,\"dataBackupVerified\":true}")
                .post("/v1/incidents/" + id + "/mitigation/readiness").then().statusCode(200);
        PausableOutbox.Pause commanderApproving = PausableOutbox.pauseBefore(MitigationApproved.class, id);

        CompletableFuture<Response> commander = concurrently(() -> as("iris", Roles.INCIDENT_COMMANDER).body("{}")
                .post("/v1/incidents/" + id + "/mitigation/approval"));
        commanderApproving.awaitReached(WAIT);
        CompletableFuture<Response> releaseManager = concurrently(() -> as("rhea", Roles.RELEASE_MANAGER).body("{}")
                .post("/v1/incidents/" + id + "/mitigation/approval"));
        awaitWaitingOnLockOrDone(releaseManager);
        commanderApproving.release();

        assertThat(commander.get().statusCode()).isEqualTo(200);
        assertThat(releaseManager.get().statusCode()).isEqualTo(200);
        given().get("/v1/incidents/" + id + "/mitigation").then().body("approvedByCommander", equalTo("iris"))
                .body("approvedByReleaseManager", equalTo("rhea")).body("gate2", equalTo("PASSED"));
    }

    private static String openIncident(String alertName, Map<String, String> labels, String service) {
        String name = unique(alertName);
        publish(alertReceivedNow(name, "a-" + name, AlertStatus.FIRING, labels, service));
        return awaitIncident(service + ":" + name, 1).getString("id");
    }

    private static CompletableFuture<Response> concurrently(Supplier<Response> request) {
        return CompletableFuture.supplyAsync(request);
    }

    /**
     * Waits until the second writer either finished (as it did when writers took no lock: the lost update) or waits for
     * a row lock held by the paused one.
     */
    private void awaitWaitingOnLockOrDone(CompletableFuture<?> secondWriter) {
        await().atMost(WAIT).until(() -> secondWriter.isDone() || someoneWaitsForALock());
    }

    private boolean someoneWaitsForALock() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet waiting = connection.createStatement().executeQuery(
                     "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")) {
            waiting.next();
            return waiting.getLong(1) > 0;
        }
    }
}
