package io.gatehouse.incident.consensus;

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
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityClassified;
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

/** What the incident commander settled stands: later classifications are proposals, and gate 1 follows the settled severity. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(HttpStubsResource.class)
class SeverityAfterSettlementTest {

    @Test
    void aClassificationAfterSettlementIsAProposalThatAsksForConsensusAgain() {
        String alertName = unique("InventorySyncStalled");
        try (TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS)) {
            publish(alertReceivedNow(alertName, "a1-" + alertName, AlertStatus.FIRING, Map.of("burn_rate", "7"), "inventory"));
            String id = awaitIncident("inventory:" + alertName, 1).getString("id");
            String incident = "/v1/incidents/" + id;
            as("iris", Roles.INCIDENT_COMMANDER).body("{}").post(incident + "/severity/confirmation").then().statusCode(200)
                    .body("severity", equalTo("SEV_2"));

            publish(alertReceivedNow(alertName, "a2-" + alertName, AlertStatus.FIRING, Map.of("burn_rate", "20"), "inventory"));
            awaitIncident("inventory:" + alertName, 2);

            given().get(incident).then().body("severity", equalTo("SEV_2")).body("severityConfirmedBy", equalTo("iris"))
                    .body("severityConfirmed", equalTo(false)).body("proposedSeverity", equalTo("SEV_1"))
                    .body("severityRule", containsString("sev2"));
            SeverityClassified proposal = EventCodec.decode(incidents.await(2, r -> id.equals(r.key()) && is(r, SeverityClassified.class), WAIT)
                    .get(1).value(), SeverityClassified.class);
            assertThat(proposal.getSeverity()).isEqualTo(Severity.SEV_1);
            assertThat(proposal.getSettledSeverity()).isEqualTo(Severity.SEV_2);
            GateEvaluated reopened = latestGate(incidents.await(1, r -> id.equals(r.key()) && isGateOne(r, GateOutcome.FAILED)
                    && EventCodec.decode(r.value(), GateEvaluated.class).getUnmetConditions().stream().anyMatch(u -> u.contains("confirm again")), WAIT));
            assertThat(reopened.getUnmetConditions()).contains("alerts now suggest SEV_1 since the severity was settled: the incident commander must confirm again");
            as("iris", Roles.INCIDENT_COMMANDER).post(incident + "/rollback").then().statusCode(409)
                    .body("context", containsString("the incident commander must confirm again"));
            as("rita", Roles.RESPONDER).body("{}").post(incident + "/severity/confirmation").then().statusCode(200);

            as("iris", Roles.INCIDENT_COMMANDER).body("{}").post(incident + "/severity/confirmation").then().statusCode(200)
                    .body("severity", equalTo("SEV_1"));
            given().get(incident).then().body("severity", equalTo("SEV_1")).body("proposedSeverity", nullValue())
                    .body("severityConfirmed", equalTo(true)).body("severityRule", containsString("sev1"));
        }
    }

    @Test
    void gateOneWaitsForTheAudienceOfTheSettledSeverity() {
        String alertName = unique("ReportsSlow");
        try (TopicReader incidents = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.INCIDENTS)) {
            publish(alertReceivedNow(alertName, "a-" + alertName, AlertStatus.FIRING, Map.of(), "reports"));
            String id = awaitIncident("reports:" + alertName, 1).getString("id");
            String incident = "/v1/incidents/" + id;
            given().get(incident).then().body("severity", equalTo("SEV_3"));
            await().atMost(WAIT).until(() -> "DELIVERED".equals(given().get(incident + "/notifications").jsonPath().getString("[0].status")));

            as("iris", Roles.INCIDENT_COMMANDER).body("{\"severity\":\"SEV_1\",\"note\":\"checkout depends on it\"}")
                    .post(incident + "/severity/confirmation").then().statusCode(200);

            // The first evaluation with consensus is the one at confirmation; the delivery of the SEV-1 notice may
            // already have added the next (PASSED) by the time the reader looks.
            GateEvaluated atConfirmation = EventCodec.decode(incidents.await(1, r -> id.equals(r.key()) && is(r, GateEvaluated.class)
                    && EventCodec.decode(r.value(), GateEvaluated.class).getMetrics().get("consensusReached") == 1.0, WAIT).get(0).value(),
                    GateEvaluated.class);
            assertThat(atConfirmation.getOutcome()).as("the SEV-1 audience has not been told yet").isEqualTo(GateOutcome.FAILED);
            assertThat(atConfirmation.getUnmetConditions()).singleElement().asString().contains("is not delivered yet");
            incidents.await(1, r -> id.equals(r.key()) && isGateOne(r, GateOutcome.PASSED), WAIT);
            assertThat(HttpStubsResource.received("incident-bridge")).anySatisfy(body -> assertThat(body)
                    .contains("[SEV-1] Incident severity is now SEV-1").contains(id));
        }
    }

    private static boolean isGateOne(ConsumerRecord<String, byte[]> record, GateOutcome outcome) {
        if (!is(record, GateEvaluated.class)) {
            return false;
        }
        GateEvaluated gate = EventCodec.decode(record.value(), GateEvaluated.class);
        return gate.getGate() == 1 && gate.getOutcome() == outcome;
    }

    private static GateEvaluated latestGate(List<ConsumerRecord<String, byte[]>> records) {
        return EventCodec.decode(records.get(records.size() - 1).value(), GateEvaluated.class);
    }
}
