package io.gatehouse.incident.lifecycle;

import static io.gatehouse.incident.TestAlerts.WAIT;
import static io.gatehouse.incident.TestAlerts.alertReceivedNow;
import static io.gatehouse.incident.TestAlerts.awaitIncident;
import static io.gatehouse.incident.TestAlerts.publish;
import static io.gatehouse.incident.TestAlerts.unique;
import static io.gatehouse.incident.TestEvents.as;
import static io.gatehouse.incident.TestEvents.is;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.RollbackExecuted;
import io.gatehouse.events.Topics;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.incident.HttpStubsResource;
import io.gatehouse.incident.TestReleases;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One incident from its first alert to closed, through every phase and gate, with a failed recovery on the way. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class IncidentLifecycleTest {

    private static final String PLAN = """
            {"options":[{"kind":"ROLLBACK","description":"Roll checkout back","pros":["known good"],"cons":["loses a fix"],"risks":["drift"]}],
             "chosen":"ROLLBACK","scope":{"services":["checkout"],"regions":["eu-west-1"],"description":"EU checkout"},
             "previousRelease":"%s"}""".formatted(TestReleases.REHEARSED_RELEASE);

    @Test
    void anIncidentGoesFromItsFirstAlertToClosedThroughAFailedRecoveryAndBack() {
        String alertName = unique("CheckoutHighErrorRate");
        String alertId = "fp-" + alertName;
        publish(alertReceivedNow(alertName, alertId, AlertStatus.FIRING, Map.of("severity", "critical"), "checkout"));
        String id = awaitIncident("checkout:" + alertName, 1).getString("id");
        String incident = "/v1/incidents/" + id;

        try (TopicReader rollbacks = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.ROLLBACKS);
             TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS)) {
            // Phase 1 and 2
            as("iris", Roles.INCIDENT_COMMANDER).body("{}").post(incident + "/severity/confirmation").then().statusCode(200);
            as("iris", Roles.INCIDENT_COMMANDER).body(PLAN).post(incident + "/mitigation/plan").then().statusCode(200);
            readyAndApproved(incident);
            as("iris", Roles.INCIDENT_COMMANDER).post(incident + "/resolution").then().statusCode(400);
            as("iris", Roles.INCIDENT_COMMANDER).body("{\"summary\":\"s\",\"sloRestored\":true}").post(incident + "/resolution").then()
                    .statusCode(409).body("context", containsString("gate 3 (recovery validation) has not passed"));

            // Phase 3, first attempt: the bundled executor runs the script, but recovery checks fail
            as("iris", Roles.INCIDENT_COMMANDER).post(incident + "/rollback").then().statusCode(202);
            RollbackExecuted executed = EventCodec.decode(rollbacks.await(1, r -> id.equals(r.key()) && is(r, RollbackExecuted.class), WAIT)
                    .get(0).value(), RollbackExecuted.class);
            assertThat(executed.getStatus()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(executed.getOutput()).contains("rolling checkout back to rel-rehearsed for " + id);
            awaitExecution(incident, "SUCCEEDED");
            as("rita", Roles.RESPONDER).body("""
                    {"checks":[{"name":"checkout smoke","kind":"SMOKE_TEST","passed":true},
                               {"name":"pay with card","kind":"USER_JOURNEY","passed":false,"detail":"HTTP 502"}]}""")
                    .post(incident + "/recovery").then().statusCode(200)
                    .body("outcome", equalTo("FAILED")).body("unmetConditions[0]", containsString("passed at 0.5, below 0.95"));
            given().get(incident + "/mitigation").then().body("gate2", nullValue()).body("rollbackRequestedBy", nullValue())
                    .body("gate3", equalTo("FAILED"));
            as("iris", Roles.INCIDENT_COMMANDER).post(incident + "/rollback").then().statusCode(409).body("context", containsString("gate 2"));

            // Back in planning: readiness and approvals again, a second rollback, and recovery holds
            readyAndApproved(incident);
            as("iris", Roles.INCIDENT_COMMANDER).post(incident + "/rollback").then().statusCode(202);
            rollbacks.await(2, r -> id.equals(r.key()) && is(r, RollbackExecuted.class), WAIT);
            awaitExecution(incident, "SUCCEEDED");
            as("rita", Roles.RESPONDER).body("""
                    {"checks":[{"name":"checkout smoke","kind":"SMOKE_TEST","passed":true},
                               {"name":"health","kind":"HEALTH_CHECK","passed":true},
                               {"name":"pay with card","kind":"USER_JOURNEY","passed":true}]}""")
                    .post(incident + "/recovery").then().statusCode(200).body("outcome", equalTo("PASSED"));

            // Phase 4: alerts clear, root-cause evidence is archived, the commander resolves, stakeholders are told
            publish(alertReceivedNow(alertName, alertId, AlertStatus.RESOLVED, Map.of("severity", "critical"), "checkout"));
            await().atMost(WAIT).until(() -> given().get(incident).jsonPath().getInt("firingAlerts") == 0);
            for (String item : List.of("LOG", "DASHBOARD", "DIFF")) {
                as("rita", Roles.RESPONDER).body("{\"kind\":\"" + item + "\",\"title\":\"" + item.toLowerCase() + " of the outage\",\"location\":\"s3://rca/" + id + "/" + item + "\"}")
                        .post(incident + "/root-cause-evidence").then().statusCode(200);
            }
            as("iris", Roles.INCIDENT_COMMANDER).body("{\"summary\":\"pricing deploy rolled back\",\"sloRestored\":true,\"followUps\":[\"add a canary\"]}")
                    .post(incident + "/resolution").then().statusCode(200)
                    .body("unmetConditions", org.hamcrest.Matchers.hasItem(containsString("resolution notice on incident-bridge is not delivered yet")));

            await().atMost(WAIT).untilAsserted(() -> given().get(incident).then().body("status", equalTo("RESOLVED")).body("gate4", equalTo("PASSED")));
            List<Integer> gates = incidents.await(1, r -> id.equals(r.key()) && isGate(r, 4, "PASSED"), WAIT).stream()
                    .map(r -> EventCodec.decode(r.value(), GateEvaluated.class).getGate()).toList();
            assertThat(gates).containsExactly(4);
        }
        as("iris", Roles.INCIDENT_COMMANDER).post(incident + "/rollback").then().statusCode(409).body("context", containsString("is RESOLVED"));

        // After resolution: reviewer sign-off, and alert-tuning feedback for the monitoring owners
        as("iris", Roles.INCIDENT_COMMANDER).body("{\"verdict\":\"APPROVED\",\"rationale\":\"root cause understood, canary planned\"}")
                .post(incident + "/signoff").then().statusCode(200).body("complete", equalTo(false));
        as("rita", Roles.RESPONDER).body("{\"verdict\":\"APPROVED\",\"rationale\":\"x\"}").post(incident + "/signoff").then().statusCode(403);
        as("pia", Roles.PERFORMANCE_ENGINEER).body("{\"verdict\":\"REJECTED\",\"rationale\":\"p99 still above baseline\"}")
                .post(incident + "/signoff").then().statusCode(200).body("complete", equalTo(false));
        as("pia", Roles.PERFORMANCE_ENGINEER).body("{\"verdict\":\"APPROVED\",\"rationale\":\"p99 back at baseline\"}")
                .post(incident + "/signoff").then().statusCode(200).body("complete", equalTo(true))
                .body("signOffs.reviewed", org.hamcrest.Matchers.contains("RESOLUTION", "RECOVERY_VALIDATION", "RECOVERY_VALIDATION"));
        as("rita", Roles.RESPONDER).body("{\"alertId\":\"" + alertId + "\",\"verdict\":\"LATE\",\"suggestion\":\"fire at 2% errors, not 5%\"}")
                .post(incident + "/alert-feedback").then().statusCode(200).body("[0].alertName", equalTo(alertName));
        as("rita", Roles.RESPONDER).body("{\"alertName\":\"PaymentProviderErrors\",\"verdict\":\"MISSING\",\"suggestion\":\"alert on provider 5xx\"}")
                .post(incident + "/alert-feedback").then().statusCode(200).body("[1].verdict", equalTo("MISSING"));
        as("rita", Roles.RESPONDER).body("{\"alertId\":\"nope\",\"verdict\":\"NOISY\"}").post(incident + "/alert-feedback").then().statusCode(400);
        List<String> timeline = given().get(incident + "/timeline").jsonPath().getList("what");
        assertThat(timeline.get(0)).isEqualTo("alert " + alertId + " fired");
        assertThat(timeline).contains("IncidentOpened", "SeverityConfirmed", "MitigationPlanned", "RecoveryValidated", "IncidentResolved")
                .containsSubsequence("IncidentOpened", "SeverityClassified", "SeverityConfirmed", "MitigationPlanned", "RollbackReadinessVerified");
    }

    private static void readyAndApproved(String incident) {
        TestReleases.awaitRehearsed();
        as("rhea", Roles.RELEASE_MANAGER).body("{\"rollbackScriptPresent\":true,\"dataBackupVerified\":true}")
                .post(incident + "/mitigation/readiness").then().statusCode(200).body("coverage", equalTo(1.0f));
        as("iris", Roles.INCIDENT_COMMANDER).body("{}").post(incident + "/mitigation/approval").then().statusCode(200);
        as("rhea", Roles.RELEASE_MANAGER).body("{}").post(incident + "/mitigation/approval").then().statusCode(200);
        given().get(incident + "/mitigation").then().body("gate2", equalTo("PASSED"));
    }

    private static void awaitExecution(String incident, String status) {
        await().atMost(WAIT).until(() -> status.equals(given().get(incident + "/mitigation").jsonPath().getString("execution")));
    }


    private static boolean isGate(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, int gate, String outcome) {
        if (!is(record, GateEvaluated.class)) {
            return false;
        }
        GateEvaluated evaluated = EventCodec.decode(record.value(), GateEvaluated.class);
        return evaluated.getGate() == gate && evaluated.getOutcome().name().equals(outcome);
    }
}
