package io.gatehouse.rehearsal.expiry;

import static io.gatehouse.rehearsal.TestPipeline.PRODUCTION;
import static io.gatehouse.rehearsal.TestPipeline.STAGING;
import static io.gatehouse.rehearsal.TestPipeline.WAIT;
import static io.gatehouse.rehearsal.TestPipeline.aMinuteAgo;
import static io.gatehouse.rehearsal.TestPipeline.approveUntil;
import static io.gatehouse.rehearsal.TestPipeline.approveUpstream;
import static io.gatehouse.rehearsal.TestPipeline.awaitRelease;
import static io.gatehouse.rehearsal.TestPipeline.decode;
import static io.gatehouse.rehearsal.TestPipeline.is;
import static io.gatehouse.rehearsal.TestPipeline.publishAll;
import static io.gatehouse.rehearsal.TestPipeline.register;
import static io.gatehouse.rehearsal.TestPipeline.unique;
import static io.gatehouse.rehearsal.TestResults.passingRehearsal;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseDecision;
import io.gatehouse.events.Topics;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.gatehouse.rehearsal.WebhookStubResource;
import io.gatehouse.rehearsal.TestPipeline;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** An approval stops counting at its expiry instant, and the release says so then, not at its next input. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(WebhookStubResource.class)
class ExpiryTest {

    private final String bootstrap = KafkaBrokerResource.bootstrapServers();

    @Test
    void aGoThatRestsOnAnExpiringReadinessApprovalIsRevokedAtTheExpiryInstant() {
        String release = unique("checkout-5.0.0");
        register(release).then().statusCode(201);
        publishAll(passingRehearsal(release, STAGING, PRODUCTION, aMinuteAgo()));
        approveUpstream(release);
        awaitRelease(release, TestPipeline::firstGatesPassed);
        try (TopicReader releases = new TopicReader(bootstrap, Topics.RELEASES)) {
            Instant expiry = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
            approveUntil(release, "rita", "release-manager", "readiness", expiry).then().statusCode(201);
            assertThat(TestPipeline.release(release).getString("decision")).isEqualTo("GO");

            // The expiry job runs every half second in tests; the release is revoked once it saw the expiry.
            ReleaseDecided revoked = decode(releases.await(1, r -> release.equals(r.key()) && is(r, ReleaseDecided.class)
                    && decode(r, ReleaseDecided.class).getDecision() == ReleaseDecision.NO_GO
                    && decode(r, ReleaseDecided.class).getRevokedGoEventId() != null, WAIT).get(0), ReleaseDecided.class);

            assertThat(revoked.getDecidedAt()).as("evaluated as of the expiry, not when the job ran").isEqualTo(expiry);
            assertThat(revoked.getReasons()).contains("Gate 4 Readiness approval cannot be evaluated: the readiness approval by rita (release-manager) "
                    + "expired at " + expiry);
            GateEvaluated gate4 = decode(releases.seen().stream().filter(r -> release.equals(r.key()) && is(r, GateEvaluated.class))
                    .filter(r -> decode(r, GateEvaluated.class).getEvaluatedAt().equals(expiry)).findFirst().orElseThrow(), GateEvaluated.class);
            assertThat(gate4.getGate()).isEqualTo(4);
            assertThat(gate4.getOutcome()).isEqualTo(GateOutcome.NOT_EVALUATED);
            JsonPath view = TestPipeline.release(release);
            assertThat(view.getBoolean("approvals.find { it.kind == 'readiness' }.expired")).isTrue();
            assertThat(view.getString("decision")).isEqualTo("NO_GO");
        }
    }
}
