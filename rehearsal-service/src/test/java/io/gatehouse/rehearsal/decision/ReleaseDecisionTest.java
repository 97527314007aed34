package io.gatehouse.rehearsal.decision;

import static io.gatehouse.rehearsal.TestPipeline.PRODUCTION;
import static io.gatehouse.rehearsal.TestPipeline.STAGING;
import static io.gatehouse.rehearsal.TestPipeline.WAIT;
import static io.gatehouse.rehearsal.TestPipeline.aMinuteAgo;
import static io.gatehouse.rehearsal.TestPipeline.approve;
import static io.gatehouse.rehearsal.TestPipeline.approveUpstream;
import static io.gatehouse.rehearsal.TestPipeline.awaitRelease;
import static io.gatehouse.rehearsal.TestPipeline.decode;
import static io.gatehouse.rehearsal.TestPipeline.firstGatesPassed;
import static io.gatehouse.rehearsal.TestPipeline.is;
import static io.gatehouse.rehearsal.TestPipeline.outcome;
import static io.gatehouse.rehearsal.TestPipeline.publish;
import static io.gatehouse.rehearsal.TestPipeline.publishAll;
import static io.gatehouse.rehearsal.TestPipeline.register;
import static io.gatehouse.rehearsal.TestPipeline.unique;
import static io.gatehouse.rehearsal.TestResults.finding;
import static io.gatehouse.rehearsal.TestResults.passingRehearsal;
import static io.gatehouse.rehearsal.TestResults.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.gatehouse.events.ApprovalGranted;
import io.gatehouse.events.ConfigurationDriftMeasured;
import io.gatehouse.events.FindingSeverity;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateFailureAnnounced;
import io.gatehouse.events.NotificationOutcome;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseDecision;
import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.events.RollbackRehearsalAssessed;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.rehearsal.WebhookStubResource;
import io.gatehouse.rehearsal.TestPipeline;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Releases carried to their decision on the real broker and PostgreSQL: results on Kafka, people over HTTP, events out. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(WebhookStubResource.class)
class ReleaseDecisionTest {

    private final String bootstrap = KafkaBrokerResource.bootstrapServers();

    @Inject
    EntityManager entityManager;

    @Test
    void aReleaseWhoseRehearsalPassesAndWhoseReadinessIsApprovedIsGo() {
        String release = unique("checkout-2.4.1");
        List<RehearsalResultReceived> results = passingRehearsal(release, STAGING, PRODUCTION, aMinuteAgo());
        try (TopicReader releases = new TopicReader(bootstrap, Topics.RELEASES)) {
            // The pipeline publishes some results before it registers the release: they are kept and evaluated at registration.
            publishAll(results.subList(0, 8));
            awaitKept(release, 8);
            register(release).then().statusCode(201).body("requiredApprovals.size()", equalTo(4)).body("rtoMinutes", equalTo(10));
            publishAll(results.subList(8, results.size()));
            approveUpstream(release);
            awaitRelease(release, TestPipeline::firstGatesPassed);

            approve(release, "pat", "product-owner", "readiness").then().statusCode(403)
                    .body("context", equalTo("a readiness approval needs the role release-manager"));
            approve(release, "rita", "release-manager", "readiness").then().statusCode(201).body("role", equalTo("release-manager"));

            JsonPath go = TestPipeline.release(release);
            assertThat(go.getString("decision")).isEqualTo("GO");
            assertThat(go.getList("reasons")).isEmpty();
            assertThat(outcome(go, 4)).isEqualTo("PASSED");
            assertThat(go.getMap("gates.find { it.gate == 4 }.metrics")).containsEntry("approvalsGiven", 1.0f).containsEntry("checklistComplete", 1.0f);
            assertThat(go.getString("gates.find { it.gate == 1 }.name")).isEqualTo("Intake confirmation");
            assertThat(go.getList("approvals.findAll { it.stale }")).isEmpty();

            // Gate 1 failed while the upstream approvals were missing, a NO_GO; the GO came with the readiness approval.
            List<ConsumerRecord<String, byte[]>> decided = releases.await(1, r -> release.equals(r.key()) && decided(r, ReleaseDecision.GO), WAIT);
            ReleaseDecided decision = decode(decided.get(0), ReleaseDecided.class);
            assertThat(decision.getGates()).extracting(g -> g.getOutcome()).containsOnly(GateOutcome.PASSED);
            assertThat(decision.getRevokedGoEventId()).isNull();
            List<ConsumerRecord<String, byte[]>> all = releases.seen().stream().filter(r -> release.equals(r.key())).toList();
            assertThat(all).anyMatch(r -> is(r, ReleaseRegistered.class)).anyMatch(r -> is(r, ConfigurationDriftMeasured.class))
                    .anyMatch(r -> is(r, RollbackRehearsalAssessed.class)).anyMatch(r -> is(r, GateEvaluated.class));
            assertThat(all).filteredOn(r -> is(r, ApprovalGranted.class)).hasSize(4);
            CloudEvent attributes = CloudEvent.readFrom(decided.get(0).headers());
            assertThat(attributes.source()).isEqualTo("/gatehouse/rehearsal-service");
            assertThat(attributes.subject()).isEqualTo(release);
            assertThat(decision.getEvidenceEventIds()).containsExactlyElementsOf(go.getList("gates.evaluationEventId", String.class));
        }
    }

    @Test
    void aBlockingSarifFindingIsNoGoAndEveryReasonIsSaid() {
        String release = unique("checkout-2.4.2");
        Instant from = aMinuteAgo();
        try (TopicReader releases = new TopicReader(bootstrap, Topics.RELEASES)) {
            register(release).then().statusCode(201);
            publishAll(passingRehearsal(release, STAGING, PRODUCTION, from));
            publish(scan(release, from.plusSeconds(30), finding("java/sql-injection", FindingSeverity.CRITICAL)));
            approveUpstream(release);

            JsonPath noGo = awaitRelease(release, r -> "FAILED".equals(outcome(r, 3)) && "NO_GO".equals(r.getString("decision")));

            assertThat(outcome(noGo, 1)).isEqualTo("PASSED");
            assertThat(outcome(noGo, 2)).isEqualTo("PASSED");
            assertThat(noGo.getMap("gates.find { it.gate == 3 }.metrics")).containsEntry("blockingFindings", 1.0f);
            assertThat(noGo.getMap("gates.find { it.gate == 3 }.thresholds")).containsEntry("blockingFindings", "<= 0 (severity above MEDIUM)");
            assertThat(noGo.getList("reasons", String.class)).contains(
                    "Gate 3 Rollback and security failed: 1 blocking security finding (severity above MEDIUM, at most 0): "
                            + "java/sql-injection CRITICAL at src/main/App.java:42",
                    "Gate 4 Readiness approval cannot be evaluated: gates 1 to 3 are not all passed or waived yet, so no readiness approval can count");
            ReleaseDecided decided = decode(releases.await(1, r -> release.equals(r.key()) && is(r, ReleaseDecided.class)
                    && decode(r, ReleaseDecided.class).getReasons().stream().anyMatch(reason -> reason.contains("java/sql-injection")), WAIT).get(0),
                    ReleaseDecided.class);
            assertThat(decided.getDecision()).isEqualTo(ReleaseDecision.NO_GO);
            assertThat(decided.getReasons()).containsAll(noGo.getList("reasons", String.class));

            // Gate 3's failure is announced to the security team and the release manager, on their channels.
            List<ConsumerRecord<String, byte[]>> announced = releases.await(2, r -> release.equals(r.key()) && is(r, GateFailureAnnounced.class)
                    && decode(r, GateFailureAnnounced.class).getGate() == 3, WAIT);
            assertThat(announced).extracting(r -> decode(r, GateFailureAnnounced.class).getChannel())
                    .containsExactlyInAnyOrder("security", "release-management");
            GateFailureAnnounced notice = decode(announced.get(0), GateFailureAnnounced.class);
            assertThat(notice.getOutcome()).isEqualTo(NotificationOutcome.DELIVERED);
            assertThat(notice.getAudience()).containsExactly("security-team", "release-manager");
            assertThat(notice.getGateEvaluationEventId()).isEqualTo(noGo.getString("gates.find { it.gate == 3 }.evaluationEventId"));
            assertThat(WebhookStubResource.received("security")).anySatisfy(body -> assertThat(body)
                    .contains("[GATE FAILED: Rollback and security] [CRITICAL]").contains("release " + release + " (checkout 2.4.1)")
                    .contains("Criteria: rollbackSucceeded = 1; rollbackDurationSeconds <= rtoSeconds (600); blockingFindings <= 0 (severity above MEDIUM)")
                    .contains("Actual: FAILED: rollbackSucceeded yes; rollbackDurationSeconds 240; blockingFindings 1"));

            // A readiness approval now would approve a package with a failed gate: refused, saying the gates' standing.
            approve(release, "rita", "release-manager", "readiness").then().statusCode(409)
                    .body("failed", equalTo("readiness approval"))
                    .body("criteria", equalTo("gates 1, 2 and 3 PASSED or WAIVED before a readiness approval"))
                    .body("actual", equalTo("gate 1 PASSED, gate 2 PASSED, gate 3 FAILED"));
        }
    }

    @Test
    void aLaterResultThatFailsAGateRevokesTheGo() {
        String release = unique("checkout-2.4.3");
        Instant from = aMinuteAgo();
        try (TopicReader releases = new TopicReader(bootstrap, Topics.RELEASES)) {
            goRelease(release, from);
            String goEventId = CloudEvent.readFrom(releases.await(1, r -> release.equals(r.key()) && decided(r, ReleaseDecision.GO), WAIT).get(0)
                    .headers()).id();

            publish(scan(release, Instant.now(), finding("java/path-traversal", FindingSeverity.HIGH)));

            ReleaseDecided revoked = decode(releases.await(1, r -> release.equals(r.key()) && decided(r, ReleaseDecision.NO_GO)
                    && decode(r, ReleaseDecided.class).getRevokedGoEventId() != null, WAIT).get(0), ReleaseDecided.class);
            assertThat(revoked.getRevokedGoEventId()).isEqualTo(goEventId);
            assertThat(revoked.getReasons()).anyMatch(reason -> reason.startsWith("Gate 3 Rollback and security failed: 1 blocking security finding"))
                    .anyMatch(reason -> reason.startsWith("Gate 4 Readiness approval cannot be evaluated: the readiness approval by rita "
                            + "(release-manager) needs renewing: 1 result arrived after it: security-scan"));
            JsonPath view = TestPipeline.release(release);
            assertThat(view.getString("decision")).isEqualTo("NO_GO");
            assertThat(view.getBoolean("approvals.find { it.kind == 'readiness' }.stale")).isTrue();
            assertThat(view.getBoolean("approvals.find { it.kind == 'scope-fixed' }.stale")).as("upstream approvals are prerequisites").isFalse();
        }
    }

    private static boolean decided(ConsumerRecord<String, byte[]> record, ReleaseDecision decision) {
        return is(record, ReleaseDecided.class) && decode(record, ReleaseDecided.class).getDecision() == decision;
    }

    /** Registers the release, publishes a passing rehearsal and gives every approval: the release is GO. */
    static void goRelease(String release, Instant from) {
        register(release).then().statusCode(201);
        publishAll(passingRehearsal(release, STAGING, PRODUCTION, from));
        approveUpstream(release);
        awaitRelease(release, TestPipeline::firstGatesPassed);
        approve(release, "rita", "release-manager", "readiness").then().statusCode(201);
        assertThat(TestPipeline.release(release).getString("decision")).isEqualTo("GO");
    }

    /** Waits until {@code count} results of a release not registered yet were kept (GET answers 404 until registration). */
    private void awaitKept(String release, int count) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from release_result where release_id = ?1").setParameter(1, release).getSingleResult())
                .intValue()) >= count);
    }
}
