package io.gatehouse.incident.mitigation;

import static io.gatehouse.incident.TestAlerts.WAIT;
import static io.gatehouse.incident.TestAlerts.alert;
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
import static org.hamcrest.Matchers.not;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.ExecutionStatus;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.MitigationExecuted;
import io.gatehouse.events.MitigationExecutionRequested;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.events.RollbackRefused;
import io.gatehouse.events.RollbackRequested;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class MitigationLifecycleTest {

    private static final String PLAN = """
            {"options":[
               {"kind":"ROLLBACK","description":"Roll checkout back to %s","pros":["known good"],"cons":["loses today's fix"],"risks":["schema drift"]},
               {"kind":"FEATURE_FLAG_DISABLE","description":"Disable new-pricing","pros":["instant"],"cons":["partial"],"risks":["flag debt"]}],
             "chosen":"ROLLBACK",
             "scope":{"services":["checkout"],"regions":["eu-west-1"],"description":"EU shoppers cannot pay"},
             "previousRelease":"%s"}""";

    @Test
    void aRollbackIsRefusedAndRecordedUntilSeverityIsConfirmedScopeRecordedAndGateTwoWaived() {
        String id = openIncident();
        try (TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS);
             TopicReader rollbacks = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.ROLLBACKS)) {
            as("iris", Roles.INCIDENT_COMMANDER).post("/v1/incidents/" + id + "/rollback").then().statusCode(409)
                    .body("severity", equalTo("CRITICAL"))
                    .body("context", containsString("the severity is not confirmed"))
                    .body("context", containsString("the affected scope is not recorded"))
                    .body("context", containsString("gate 2 (mitigation readiness) has not been evaluated"))
                    .body("impact", containsString("the refusal is recorded"))
                    .body("criteria", equalTo("gate 2 (Mitigation readiness) passed, or waived by both the incident commander and the release manager"))
                    .body("actual", equalTo("gate 2 (Mitigation readiness) not evaluated: there is no mitigation plan"));
            RollbackRefused refused = EventCodec.decode(incidents.await(1, r -> id.equals(r.key()) && is(r, RollbackRefused.class), WAIT)
                    .get(0).value(), RollbackRefused.class);
            assertThat(refused.getRequestedBy()).isEqualTo("iris");
            assertThat(refused.getMissingConditions()).hasSize(3);

            as("iris", Roles.INCIDENT_COMMANDER).body("{}").post("/v1/incidents/" + id + "/severity/confirmation").then().statusCode(200);
            as("iris", Roles.INCIDENT_COMMANDER).body(PLAN.formatted("rel-41", "rel-41")).post("/v1/incidents/" + id + "/mitigation/plan")
                    .then().statusCode(200);
            as("iris", Roles.INCIDENT_COMMANDER).post("/v1/incidents/" + id + "/rollback").then().statusCode(409)
                    .body("context", not(containsString("severity"))).body("context", not(containsString("scope")))
                    .body("context", containsString("gate 2"));

            as("rhea", Roles.RELEASE_MANAGER).body("{\"rollbackScriptPresent\":true,\"dataBackupVerified\":true}")
                    .post("/v1/incidents/" + id + "/mitigation/readiness").then().statusCode(200)
                    .body("coverage", equalTo(2 / 3.0f))
                    .body("items.find { it.name == 'previous-release-rollback-verified' }.status", equalTo("MISSING"))
                    .body("items.find { it.name == 'previous-release-rollback-verified' }.detail", containsString("no rollback rehearsal of release rel-41 is known"));
            as("iris", Roles.INCIDENT_COMMANDER).body("{\"note\":\"go\"}").post("/v1/incidents/" + id + "/mitigation/approval").then().statusCode(200);
            as("rhea", Roles.RELEASE_MANAGER).body("{}").post("/v1/incidents/" + id + "/mitigation/approval").then().statusCode(200);
            as("iris", Roles.INCIDENT_COMMANDER).body("{\"riskAssessment\":\"rel-41 ran for 9 days without incident\"}")
                    .post("/v1/incidents/" + id + "/gates/2/waiver").then().statusCode(200);
            as("iris", Roles.INCIDENT_COMMANDER).post("/v1/incidents/" + id + "/rollback").then().statusCode(409)
                    .body("context", containsString("gate 2 (mitigation readiness) has failed"))
                    .body("criteria", equalTo("gate 2 (Mitigation readiness) passed, or waived by both the incident commander and the release"
                            + " manager: approvals = 2 (incident commander and release manager); readinessCoverage = 1.0"))
                    .body("actual", equalTo("gate 2 (Mitigation readiness) FAILED: approvals = 2; readinessCoverage = 0.667"));

            as("rhea", Roles.RELEASE_MANAGER).body("{\"riskAssessment\":\"rollback rehearsed by hand on staging today\"}")
                    .post("/v1/incidents/" + id + "/gates/2/waiver").then().statusCode(200);
            given().get("/v1/incidents/" + id + "/mitigation").then().body("gate2", equalTo("WAIVED"));
            as("iris", Roles.INCIDENT_COMMANDER).post("/v1/incidents/" + id + "/rollback").then().statusCode(202);

            RollbackRequested command = EventCodec.decode(rollbacks.await(1, r -> id.equals(r.key()), WAIT).get(0).value(), RollbackRequested.class);
            assertThat(command.getRequestedBy()).isEqualTo("iris");
            assertThat(command.getPreviousRelease()).isEqualTo("rel-41");
            assertThat(command.getGate2Outcome()).isEqualTo(GateOutcome.WAIVED);
            List<GateOutcome> gate2 = incidents.await(5, r -> id.equals(r.key()) && isGate(r, 2), WAIT).stream()
                    .map(r -> EventCodec.decode(r.value(), GateEvaluated.class).getOutcome()).toList();
            assertThat(gate2).containsExactly(GateOutcome.FAILED, GateOutcome.FAILED, GateOutcome.FAILED, GateOutcome.FAILED, GateOutcome.WAIVED);
        }
        as("iris", Roles.INCIDENT_COMMANDER).post("/v1/incidents/" + id + "/rollback").then().statusCode(409)
                .body("context", containsString("already requested by iris"));
    }

    @Test
    void gateTwoPassesWhenThePreviousReleaseWasRehearsedAndBothApproved() {
        String id = openIncident();
        TestReleases.awaitRehearsed();
        as("iris", Roles.INCIDENT_COMMANDER).body(PLAN.formatted(TestReleases.REHEARSED_RELEASE, TestReleases.REHEARSED_RELEASE))
                .post("/v1/incidents/" + id + "/mitigation/plan").then().statusCode(200);
        as("iris", Roles.INCIDENT_COMMANDER).body("{\"rollbackScriptPresent\":true,\"dataBackupVerified\":true}")
                .post("/v1/incidents/" + id + "/mitigation/readiness").then().statusCode(200).body("coverage", equalTo(1.0f));
        as("iris", Roles.INCIDENT_COMMANDER).body("{}").post("/v1/incidents/" + id + "/mitigation/approval").then().statusCode(200);
        as("rhea", Roles.RELEASE_MANAGER).body("{}").post("/v1/incidents/" + id + "/mitigation/approval").then().statusCode(200);

        given().get("/v1/incidents/" + id + "/mitigation").then().body("gate2", equalTo("PASSED"))
                .body("approvedByCommander", equalTo("iris")).body("approvedByReleaseManager", equalTo("rhea"));
    }

    @Test
    void aFeatureFlagDisableIsExecutedAsChosenAndGateThreeMayBeWaivedWithARecoveryPlan() {
        String id = openIncident();
        String incident = "/v1/incidents/" + id;
        try (TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS);
             TopicReader rollbacks = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.ROLLBACKS)) {
            as("iris", Roles.INCIDENT_COMMANDER).body("{}").post(incident + "/severity/confirmation").then().statusCode(200);
            TestReleases.awaitRehearsed();
            as("iris", Roles.INCIDENT_COMMANDER).body(PLAN.formatted("r", TestReleases.REHEARSED_RELEASE)
                    .replace("\"chosen\":\"ROLLBACK\"", "\"chosen\":\"FEATURE_FLAG_DISABLE\"")).post(incident + "/mitigation/plan").then().statusCode(200);
            as("iris", Roles.INCIDENT_COMMANDER).body("{\"rollbackScriptPresent\":true,\"dataBackupVerified\":true}")
                    .post(incident + "/mitigation/readiness").then().statusCode(200);
            as("iris", Roles.INCIDENT_COMMANDER).body("{}").post(incident + "/mitigation/approval").then().statusCode(200);
            as("rhea", Roles.RELEASE_MANAGER).body("{}").post(incident + "/mitigation/approval").then().statusCode(200);
            as("iris", Roles.INCIDENT_COMMANDER).body("{\"riskAssessment\":\"r\",\"recoveryPlan\":\"p\"}").post(incident + "/gates/3/waiver")
                    .then().statusCode(409).body("context", containsString("has not been executed"));

            as("iris", Roles.INCIDENT_COMMANDER).post(incident + "/rollback").then().statusCode(409)
                    .body("context", containsString("the chosen mitigation is FEATURE_FLAG_DISABLE, not a rollback"));
            as("iris", Roles.INCIDENT_COMMANDER).post(incident + "/mitigation/execution").then().statusCode(202)
                    .body("kind", equalTo("FEATURE_FLAG_DISABLE"));

            MitigationExecutionRequested command = EventCodec.decode(rollbacks.await(1, r -> id.equals(r.key())
                    && is(r, MitigationExecutionRequested.class), WAIT).get(0).value(), MitigationExecutionRequested.class);
            assertThat(command.getKind()).isEqualTo(MitigationKind.FEATURE_FLAG_DISABLE);
            assertThat(command.getDescription()).isEqualTo("Disable new-pricing");
            MitigationExecuted executed = EventCodec.decode(rollbacks.await(1, r -> id.equals(r.key()) && is(r, MitigationExecuted.class), WAIT)
                    .get(0).value(), MitigationExecuted.class);
            assertThat(executed.getStatus()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(executed.getOutput()).startsWith("FEATURE_FLAG_DISABLE (Disable new-pricing)");
            await().atMost(WAIT).until(() -> "SUCCEEDED".equals(given().get(incident + "/mitigation").jsonPath().getString("execution")));

            as("rita", Roles.RESPONDER).body("""
                    {"checks":[{"name":"checkout smoke","kind":"SMOKE_TEST","passed":true},
                               {"name":"pay with card","kind":"USER_JOURNEY","passed":false}]}""")
                    .post(incident + "/recovery").then().statusCode(200).body("outcome", equalTo("FAILED"))
                    .body("metrics.criticalChecks", equalTo(1.0f)).body("metrics.criticalChecksPassed", equalTo(1.0f))
                    .body("metrics.recoveryTimeSeconds", org.hamcrest.Matchers.greaterThanOrEqualTo(0f))
                    .body("metrics.timelineCompleteness", org.hamcrest.Matchers.greaterThanOrEqualTo(0.9f));
            as("rita", Roles.RESPONDER).body("{\"riskAssessment\":\"r\",\"recoveryPlan\":\"p\"}").post(incident + "/gates/3/waiver").then().statusCode(403);
            as("iris", Roles.INCIDENT_COMMANDER).body("{\"riskAssessment\":\"card payments degrade gracefully\"}").post(incident + "/gates/3/waiver")
                    .then().statusCode(400);
            as("iris", Roles.INCIDENT_COMMANDER).body("{\"riskAssessment\":\"card payments degrade gracefully\","
                    + "\"recoveryPlan\":\"card provider fix by 18:00, watch the journey dashboard\"}").post(incident + "/gates/3/waiver")
                    .then().statusCode(200).body("outcome", equalTo("WAIVED"));
            given().get(incident + "/mitigation").then().body("gate3", equalTo("WAIVED"));

            GateEvaluated gate2 = EventCodec.decode(incidents.await(1, r -> id.equals(r.key()) && isGate(r, 2)
                    && EventCodec.decode(r.value(), GateEvaluated.class).getOutcome() == GateOutcome.PASSED, WAIT).get(0).value(), GateEvaluated.class);
            assertThat(gate2.getMetrics()).containsKeys("approvalLatencySeconds", "decisionLatencySeconds");
            GateWaiverGranted waiver = EventCodec.decode(incidents.await(1, r -> id.equals(r.key()) && is(r, GateWaiverGranted.class), WAIT)
                    .get(0).value(), GateWaiverGranted.class);
            assertThat(waiver.getGate()).isEqualTo(3);
            assertThat(waiver.getRecoveryPlan()).startsWith("card provider fix");
        }
    }

    @Test
    void onlyTheRightRolesActAndAnIncompletePlanIsRefused() {
        String id = openIncident();
        as("rhea", Roles.RELEASE_MANAGER).body(PLAN.formatted("r", "r")).post("/v1/incidents/" + id + "/mitigation/plan").then().statusCode(403);
        as("rita", Roles.RESPONDER).body("{}").post("/v1/incidents/" + id + "/mitigation/approval").then().statusCode(403);
        as("rita", Roles.RESPONDER).post("/v1/incidents/" + id + "/rollback").then().statusCode(403);
        as("iris", Roles.INCIDENT_COMMANDER).body("{}").post("/v1/incidents/" + id + "/mitigation/approval").then().statusCode(409)
                .body("context", containsString("has no mitigation plan"));
        as("iris", Roles.INCIDENT_COMMANDER).body(PLAN.formatted("r", "r").replace("\"chosen\":\"ROLLBACK\"", "\"chosen\":\"HOTFIX\""))
                .post("/v1/incidents/" + id + "/mitigation/plan").then().statusCode(400)
                .body("context", equalTo("the chosen mitigation must be one of the options"));
        as("iris", Roles.INCIDENT_COMMANDER).body(PLAN.formatted("r", "r").replace("\"risks\":[\"flag debt\"]", "\"risks\":[]"))
                .post("/v1/incidents/" + id + "/mitigation/plan").then().statusCode(400);
        as("iris", Roles.INCIDENT_COMMANDER).body("{\"riskAssessment\":\" \"}").post("/v1/incidents/" + id + "/gates/2/waiver").then().statusCode(400);
    }

    private static String openIncident() {
        String alertName = unique("CheckoutHighErrorRate");
        publish(alert(alertName, "fp-" + alertName, AlertStatus.FIRING, Map.of("severity", "critical")));
        return awaitIncident("checkout:" + alertName, 1).getString("id");
    }


    private static boolean isGate(ConsumerRecord<String, byte[]> record, int gate) {
        return is(record, GateEvaluated.class) && EventCodec.decode(record.value(), GateEvaluated.class).getGate() == gate;
    }
}
