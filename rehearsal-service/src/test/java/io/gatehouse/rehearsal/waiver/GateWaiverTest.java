package io.gatehouse.rehearsal.waiver;

import static io.gatehouse.rehearsal.TestPipeline.CONTROLS;
import static io.gatehouse.rehearsal.TestPipeline.PRODUCTION;
import static io.gatehouse.rehearsal.TestPipeline.STAGING;
import static io.gatehouse.rehearsal.TestPipeline.WAIT;
import static io.gatehouse.rehearsal.TestPipeline.aMinuteAgo;
import static io.gatehouse.rehearsal.TestPipeline.approve;
import static io.gatehouse.rehearsal.TestPipeline.approveUpstream;
import static io.gatehouse.rehearsal.TestPipeline.awaitRelease;
import static io.gatehouse.rehearsal.TestPipeline.decode;
import static io.gatehouse.rehearsal.TestPipeline.is;
import static io.gatehouse.rehearsal.TestPipeline.outcome;
import static io.gatehouse.rehearsal.TestPipeline.publish;
import static io.gatehouse.rehearsal.TestPipeline.publishAll;
import static io.gatehouse.rehearsal.TestPipeline.register;
import static io.gatehouse.rehearsal.TestPipeline.unique;
import static io.gatehouse.rehearsal.TestPipeline.waive;
import static io.gatehouse.rehearsal.TestResults.finding;
import static io.gatehouse.rehearsal.TestResults.passingRehearsal;
import static io.gatehouse.rehearsal.TestResults.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.gatehouse.events.FindingSeverity;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.events.Topics;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.rehearsal.TestPipeline;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.gatehouse.rehearsal.WebhookStubResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Waivers as protocol 14 allows them, on the real broker and PostgreSQL. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(WebhookStubResource.class)
class GateWaiverTest {

    private final String bootstrap = KafkaBrokerResource.bootstrapServers();

    @Test
    void aWaiverOfGateThreeFromARoleThatMayNotGiveItIsRefused() {
        String release = blockedBySecurityScan();

        waive(release, 3, "rita", "release-manager", "low exploitability", CONTROLS).then().statusCode(403)
                .body("failed", equalTo("authorization"))
                .body("context", equalTo("a waiver of gate 3 needs the role ciso or cto (one waiver from each)"));

        assertThat(outcome(TestPipeline.release(release), 3)).isEqualTo("FAILED");
        assertThat(TestPipeline.release(release).getList("waivers")).isEmpty();
    }

    @Test
    void waivingGateTwoIsRefusedBecauseTheProtocolForbidsIt() {
        String release = blockedBySecurityScan();

        waive(release, 2, "rita", "release-manager", "we are in a hurry", null).then().statusCode(409)
                .body("severity", equalTo("WARNING"))
                .body("failed", equalTo("gate 2 waiver"))
                .body("context", equalTo("protocol 14 forbids waiving gate 2 Deployment rehearsal: it must pass on its own"))
                .body("criteria", startsWith("deploymentSucceeded = 1; blockingErrors <= 0;"))
                .body("actual", startsWith("PASSED: deploymentSucceeded yes; blockingErrors 0;"))
                .body("impact", equalTo("nothing was changed"));
        waive(release, 4, "rita", "release-manager", "we are in a hurry", null).then().statusCode(409)
                .body("context", equalTo("protocol 14 forbids waiving gate 4 Readiness approval: it must pass on its own"));
    }

    @Test
    void theCisoAndTheCtoTogetherWaiveGateThreeWithCompensatingControlsAndTheReleaseCanGoAhead() {
        String release = blockedBySecurityScan();
        try (TopicReader releases = new TopicReader(bootstrap, Topics.RELEASES)) {
            waive(release, 3, "carol", "ciso", "exploit needs an authenticated admin", null).then().statusCode(400)
                    .body("context", equalTo("a waiver of gate 3 needs its compensatingControls documented"));

            waive(release, 3, "carol", "ciso", "exploit needs an authenticated admin", CONTROLS).then().statusCode(201)
                    .body("role", equalTo("ciso")).body("outcome", equalTo("FAILED")).body("awaiting", contains("cto"));
            waive(release, 3, "tom", "cto", "accepted for this release only", CONTROLS).then().statusCode(201)
                    .body("role", equalTo("cto")).body("outcome", equalTo("WAIVED"));

            JsonPath waived = TestPipeline.release(release);
            assertThat(outcome(waived, 3)).isEqualTo("WAIVED");
            assertThat(waived.getList("waivers.role")).containsExactly("ciso", "cto");
            assertThat(waived.getList("waivers.compensatingControls")).containsOnly(CONTROLS);
            List<ConsumerRecord<String, byte[]>> granted = releases.await(2, r -> release.equals(r.key()) && is(r, GateWaiverGranted.class), WAIT);
            assertThat(granted).extracting(r -> decode(r, GateWaiverGranted.class).getCompensatingControls()).containsOnly(CONTROLS);
            releases.await(1, r -> release.equals(r.key()) && is(r, GateEvaluated.class)
                    && decode(r, GateEvaluated.class).getGate() == 3 && decode(r, GateEvaluated.class).getOutcome() == GateOutcome.WAIVED, WAIT);

            approve(release, "rita", "release-manager", "readiness").then().statusCode(201);
            assertThat(TestPipeline.release(release).getString("decision")).isEqualTo("GO");

            // The gate is waived: another waiver has nothing to accept.
            waive(release, 3, "tom", "cto", "again", CONTROLS).then().statusCode(409)
                    .body("context", containsString("is WAIVED: a waiver accepts a failure"));
        }
    }

    /** A registered release whose rehearsal passed but for a critical finding of its security scan: gate 3 FAILED. */
    private static String blockedBySecurityScan() {
        String release = unique("checkout-2.5.0");
        Instant from = aMinuteAgo();
        register(release).then().statusCode(201);
        publishAll(passingRehearsal(release, STAGING, PRODUCTION, from));
        publish(scan(release, from.plusSeconds(30), finding("java/sql-injection", FindingSeverity.CRITICAL)));
        approveUpstream(release);
        awaitRelease(release, r -> "FAILED".equals(outcome(r, 3)) && "PASSED".equals(outcome(r, 1)) && "PASSED".equals(outcome(r, 2)));
        return release;
    }
}
