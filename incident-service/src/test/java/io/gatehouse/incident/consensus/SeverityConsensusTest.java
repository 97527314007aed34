package io.gatehouse.incident.consensus;

import static io.gatehouse.incident.TestAlerts.WAIT;
import static io.gatehouse.incident.TestAlerts.alert;
import static io.gatehouse.incident.TestAlerts.awaitIncident;
import static io.gatehouse.incident.TestAlerts.publish;
import static io.gatehouse.incident.TestAlerts.unique;
import static io.gatehouse.incident.TestEvents.as;
import static io.gatehouse.incident.TestEvents.is;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.IncidentMarkedFalsePositive;
import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityConfirmed;
import io.gatehouse.events.SeverityReviewed;
import io.gatehouse.events.SeverityVerdict;
import io.gatehouse.events.Topics;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.incident.HttpStubsResource;
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
class SeverityConsensusTest {

    @Test
    void respondersReviewAndTheIncidentCommanderSettlesTheSeverityAsThemselves() {
        String id = openIncident(unique("CheckoutHighErrorRate"));
        try (TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS)) {
            as("rita", Roles.RESPONDER).body("{\"note\":\"errors on every pod\",\"reviewer\":\"mallory\"}")
                    .post("/v1/incidents/" + id + "/severity/confirmation").then().statusCode(200).body("settled", equalTo(false));
            as("dan", Roles.RESPONDER).body("{\"suggestedSeverity\":\"SEV_2\",\"note\":\"only one region\"}")
                    .post("/v1/incidents/" + id + "/severity/dispute").then().statusCode(200);
            as("iris", Roles.INCIDENT_COMMANDER).body("{\"severity\":\"SEV_2\",\"note\":\"one region, failover works\",\"confirmedBy\":\"mallory\"}")
                    .post("/v1/incidents/" + id + "/severity/confirmation").then().statusCode(200)
                    .body("settled", equalTo(true)).body("severity", equalTo("SEV_2"));

            List<ConsumerRecord<String, byte[]>> reviews = incidents.await(2, r -> id.equals(r.key()) && is(r, SeverityReviewed.class), WAIT);
            SeverityReviewed confirmed = EventCodec.decode(reviews.get(0).value(), SeverityReviewed.class);
            SeverityReviewed disputed = EventCodec.decode(reviews.get(1).value(), SeverityReviewed.class);
            SeverityConfirmed settled = EventCodec.decode(
                    incidents.await(1, r -> id.equals(r.key()) && is(r, SeverityConfirmed.class), WAIT).get(0).value(), SeverityConfirmed.class);
            assertThat(confirmed.getReviewer()).as("the principal, not the body").isEqualTo("rita");
            assertThat(confirmed.getVerdict()).isEqualTo(SeverityVerdict.CONFIRMED);
            assertThat(disputed.getVerdict()).isEqualTo(SeverityVerdict.DISPUTED);
            assertThat(disputed.getSuggestedSeverity()).isEqualTo(Severity.SEV_2);
            assertThat(settled.getConfirmedBy()).isEqualTo("iris");
            assertThat(settled.getProposedSeverity()).isEqualTo(Severity.SEV_1);
            assertThat(settled.getSeverity()).isEqualTo(Severity.SEV_2);
            assertThat(settled.getConfirmations()).isEqualTo(1);
            assertThat(settled.getDisputes()).isEqualTo(1);
        }
        given().get("/v1/incidents/" + id).then()
                .body("severity", equalTo("SEV_2")).body("severityConfirmed", equalTo(true)).body("severityConfirmedBy", equalTo("iris"))
                .body("severityRule", equalTo("settled-by-incident-commander"));

        as("iris", Roles.INCIDENT_COMMANDER).body("{}").post("/v1/incidents/" + id + "/severity/confirmation")
                .then().statusCode(409).body("context", containsString("was settled on SEV_2 by iris"));
        as("rita", Roles.RESPONDER).body("{}").post("/v1/incidents/" + id + "/severity/confirmation")
                .then().statusCode(409).body("resolution", containsString("consensus is reached"));
    }

    @Test
    void withoutATokenItIs401AndWithTheWrongRole403() {
        String id = openIncident(unique("CheckoutLatency"));

        given().contentType("application/json").body("{}").post("/v1/incidents/" + id + "/severity/confirmation")
                .then().statusCode(401).body("failed", equalTo("authentication"));
        as("rhea", Roles.RELEASE_MANAGER).body("{}").post("/v1/incidents/" + id + "/severity/confirmation")
                .then().statusCode(403).body("failed", equalTo("authorization"));
        given().contentType("application/json").header("Authorization", "Bearer not.a.token").body("{}")
                .post("/v1/incidents/" + id + "/false-positive").then().statusCode(401);
        given().get("/v1/incidents/" + id).then().body("severityConfirmed", equalTo(false));
    }

    @Test
    void aFalsePositiveClosesTheIncidentAndTheNextAlertOfItsGroupOpensANewOne() {
        String alertName = unique("InventorySyncStalled");
        String id = openIncident(alertName);
        try (TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS)) {
            as("rita", Roles.RESPONDER).body("{}").post("/v1/incidents/" + id + "/false-positive")
                    .then().statusCode(409).body("context", containsString("needs a reason"));
            as("rita", Roles.RESPONDER).body("{\"reason\":\"synthetic check misconfigured\"}").post("/v1/incidents/" + id + "/false-positive")
                    .then().statusCode(200);

            IncidentMarkedFalsePositive marked = EventCodec.decode(
                    incidents.await(1, r -> id.equals(r.key()) && is(r, IncidentMarkedFalsePositive.class), WAIT).get(0).value(),
                    IncidentMarkedFalsePositive.class);
            assertThat(marked.getMarkedBy()).isEqualTo("rita");
            assertThat(marked.getReason()).isEqualTo("synthetic check misconfigured");
        }
        given().get("/v1/incidents/" + id).then().body("status", equalTo("FALSE_POSITIVE")).body("closedReason", equalTo("synthetic check misconfigured"));
        as("iris", Roles.INCIDENT_COMMANDER).body("{}").post("/v1/incidents/" + id + "/severity/confirmation")
                .then().statusCode(409).body("context", containsString("is FALSE_POSITIVE"));

        publish(alert(alertName, "fp-new", AlertStatus.FIRING, Map.of("severity", "critical")));
        org.awaitility.Awaitility.await().atMost(WAIT).until(() ->
                given().get("/v1/incidents").jsonPath().getList("findAll { it.alertName == '" + alertName + "' }").size() == 2);
    }


    private static String openIncident(String alertName) {
        publish(alert(alertName, "fp-" + alertName, AlertStatus.FIRING, Map.of("severity", "critical")));
        return awaitIncident("checkout:" + alertName, 1).getString("id");
    }
}
