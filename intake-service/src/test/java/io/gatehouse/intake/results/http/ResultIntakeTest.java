package io.gatehouse.intake.results.http;

import static io.gatehouse.intake.ResultFixtures.uniqueRelease;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.gatehouse.events.ConfigCategory;
import io.gatehouse.events.ConfigEntry;
import io.gatehouse.events.ConfigSnapshot;
import io.gatehouse.events.CoverageSummary;
import io.gatehouse.events.DataRefresh;
import io.gatehouse.events.FindingSeverity;
import io.gatehouse.events.LicenseAudit;
import io.gatehouse.events.ObservabilityBaseline;
import io.gatehouse.events.OperationalReadiness;
import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.SecurityScanSummary;
import io.gatehouse.events.TestReportSummary;
import io.gatehouse.events.Topics;
import io.gatehouse.events.UpstreamArtifact;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import static io.gatehouse.intake.DeclaredBodies.bodyOf;
import static io.gatehouse.intake.DeclaredBodies.postDeclaringOnly;

import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.intake.ArtifactsFolderResource;
import io.gatehouse.intake.ResultFixtures;
import io.gatehouse.intake.results.artifacts.ArtifactStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Pipelines post each kind of result with a bearer token; intake stores it on rehearsals.inbound and publishes its summary. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(ArtifactsFolderResource.class)
class ResultIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PIPELINE = "ci-checkout";

    @Test
    void everyKindPostedByAPipelineIsStoredAndPublishedWithItsSummaryDigestAndSubmitter() throws IOException {
        String release = uniqueRelease();
        Map<String, byte[]> posts = new LinkedHashMap<>();
        posts.put("/test-reports?suite=smoke", utf8(ResultFixtures.JUNIT));
        posts.put("/coverage", utf8(ResultFixtures.JACOCO));
        posts.put("/security-scans", utf8(ResultFixtures.SARIF));
        posts.put("/config-snapshots/staging", utf8(ResultFixtures.CONFIG_SNAPSHOT_YAML));
        posts.put("/deployment-rehearsal", utf8(ResultFixtures.deploymentWithLogOf(300 * 1024)));
        posts.put("/rollback-rehearsal", utf8(ResultFixtures.ROLLBACK));
        posts.put("/observability-baseline", utf8(ResultFixtures.BASELINE));
        posts.put("/operational-readiness", utf8(ResultFixtures.READINESS));
        posts.put("/upstream-artifacts", utf8(ResultFixtures.UPSTREAM_ARTIFACT));
        posts.put("/license-audit", utf8(ResultFixtures.LICENSE_AUDIT));
        posts.put("/data-refresh", utf8(ResultFixtures.DATA_REFRESH));

        try (TopicReader rehearsals = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.REHEARSALS)) {
            for (Map.Entry<String, byte[]> post : posts.entrySet()) {
                asPipeline().body(post.getValue()).post("/v1/releases/" + release + post.getKey())
                        .then().statusCode(202)
                        .body("release", equalTo(release))
                        .body("topic", equalTo("rehearsals.inbound"))
                        .body("sha256", equalTo(ArtifactStore.sha256Of(post.getValue())))
                        .body("sizeBytes", equalTo(post.getValue().length));
            }

            List<ConsumerRecord<String, byte[]>> records = rehearsals.await(posts.size(), r -> release.equals(r.key()), WAIT);
            Map<RehearsalResultKind, RehearsalResultReceived> received = records.stream()
                    .map(r -> EventCodec.decode(r.value(), RehearsalResultReceived.class))
                    .collect(Collectors.toMap(RehearsalResultReceived::getKind, Function.identity()));
            assertThat(received).hasSize(posts.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                CloudEvent event = CloudEvent.readFrom(record.headers());
                RehearsalResultReceived result = EventCodec.decode(record.value(), RehearsalResultReceived.class);
                assertThat(event.type()).isEqualTo("io.gatehouse.events.RehearsalResultReceived");
                assertThat(event.source()).isEqualTo("/gatehouse/intake-service");
                assertThat(event.subject()).isEqualTo(release);
                assertThat(event.time()).isEqualTo(result.getReceivedAt());
                assertThat(result.getRelease()).isEqualTo(release);
                assertThat(result.getSubmittedBy()).isEqualTo(PIPELINE);
                assertThat(Files.readAllBytes(ArtifactsFolderResource.folder().resolve("sha256")
                        .resolve(result.getArtifact().getSha256().substring(0, 2)).resolve(result.getArtifact().getSha256())))
                        .as("the stored bytes of " + result.getKind()).isEqualTo(posts.values().stream()
                                .filter(body -> ArtifactStore.sha256Of(body).equals(result.getArtifact().getSha256())).findFirst().orElseThrow());
            }
            assertThat(records.stream().map(r -> CloudEvent.readFrom(r.headers()).id()).distinct()).hasSize(posts.size());

            TestReportSummary tests = summary(received, RehearsalResultKind.TEST_REPORT, TestReportSummary.class);
            assertThat(List.of(tests.getTests(), tests.getFailures())).containsExactly(3, 1);
            assertThat(tests.getFailedTests()).containsExactly("CheckoutSmokeTest.paysWithVoucher");
            assertThat(received.get(RehearsalResultKind.TEST_REPORT).getScope()).isEqualTo("smoke");
            assertThat(received.get(RehearsalResultKind.TEST_REPORT).getFormat()).isEqualTo("junit");

            CoverageSummary coverage = summary(received, RehearsalResultKind.COVERAGE, CoverageSummary.class);
            assertThat(coverage.getRatio()).isEqualTo(0.9);
            assertThat(received.get(RehearsalResultKind.COVERAGE).getFormat()).isEqualTo("jacoco");
            assertThat(received.get(RehearsalResultKind.COVERAGE).getArtifact().getMediaType()).isEqualTo("application/xml");

            SecurityScanSummary scan = summary(received, RehearsalResultKind.SECURITY_SCAN, SecurityScanSummary.class);
            assertThat(scan.getBlocking()).isEqualTo(1);
            assertThat(scan.getBlockingFindings()).singleElement().satisfies(finding -> {
                assertThat(finding.getSeverity()).isEqualTo(FindingSeverity.CRITICAL);
                assertThat(finding.getLocation()).isEqualTo("lib/libfoo.so:1");
            });
            assertThat(received.get(RehearsalResultKind.SECURITY_SCAN).getScope()).isEqualTo("Trivy");
            assertThat(received.get(RehearsalResultKind.SECURITY_SCAN).getFormat()).isEqualTo("sarif-2.1.0");

            ConfigSnapshot snapshot = summary(received, RehearsalResultKind.CONFIG_SNAPSHOT, ConfigSnapshot.class);
            assertThat(snapshot.getEntries()).extracting(ConfigEntry::getKey, ConfigEntry::getCategory).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("db.password", ConfigCategory.SECRET),
                    org.assertj.core.groups.Tuple.tuple("replicas", ConfigCategory.INFRASTRUCTURE));
            assertThat(received.get(RehearsalResultKind.CONFIG_SNAPSHOT).getScope()).isEqualTo("staging");
            assertThat(received.get(RehearsalResultKind.CONFIG_SNAPSHOT).getFormat()).isEqualTo("yaml");

            RehearsalRun deployment = summary(received, RehearsalResultKind.DEPLOYMENT_REHEARSAL, RehearsalRun.class);
            assertThat(deployment.getNonBlockingErrors()).isEqualTo(1);
            assertThat(deployment.getLog()).as("the log is capped in the event").hasSize(256 * 1024);
            assertThat(received.get(RehearsalResultKind.DEPLOYMENT_REHEARSAL).getArtifact().getSizeBytes())
                    .as("and whole in the store").isGreaterThan(300 * 1024);
            assertThat(summary(received, RehearsalResultKind.ROLLBACK_REHEARSAL, RehearsalRun.class).getBlockingErrors()).isNull();
            assertThat(summary(received, RehearsalResultKind.OBSERVABILITY_BASELINE, ObservabilityBaseline.class).getMetrics())
                    .containsEntry("p95LatencyMs", 180.0);
            assertThat(summary(received, RehearsalResultKind.OPERATIONAL_READINESS, OperationalReadiness.class).getOnCallBackup()).isEqualTo("ben");
            assertThat(summary(received, RehearsalResultKind.UPSTREAM_ARTIFACT, UpstreamArtifact.class).getName()).isEqualTo("release-manifest.json");
            assertThat(received.get(RehearsalResultKind.UPSTREAM_ARTIFACT).getScope()).isEqualTo("release-manifest.json");
            assertThat(summary(received, RehearsalResultKind.LICENSE_AUDIT, LicenseAudit.class).getFindings()).isEmpty();
            assertThat(summary(received, RehearsalResultKind.DATA_REFRESH, DataRefresh.class).getFeatureFlags()).containsEntry("newCheckout", true);
        }
    }

    @Test
    void aScanOfManyMegabytesIsAcceptedAndTravelsAsItsDigestAndSummary() {
        String release = uniqueRelease();
        byte[] largeScan = ResultFixtures.sarifWithFindings(6_000, 1_000);
        assertThat(largeScan.length).isGreaterThan(6 * 1024 * 1024);

        try (TopicReader rehearsals = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.REHEARSALS)) {
            asPipeline().body(largeScan).post("/v1/releases/" + release + "/security-scans").then().statusCode(202);

            ConsumerRecord<String, byte[]> record = rehearsals.await(1, r -> release.equals(r.key()), WAIT).get(0);
            RehearsalResultReceived received = EventCodec.decode(record.value(), RehearsalResultReceived.class);
            assertThat(received.getArtifact().getSizeBytes()).isEqualTo(largeScan.length);
            assertThat(((SecurityScanSummary) received.getSummary()).getFindings()).isEqualTo(6_000);
            assertThat(record.value().length).as("the event stays small").isLessThan(4 * 1024);
        }
    }

    @Test
    void withoutATokenItIs401AndWithoutTheRolePipeline403InTheErrorShape() {
        String path = "/v1/releases/" + uniqueRelease() + "/coverage";

        given().body(ResultFixtures.JACOCO).post(path).then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("severity", equalTo("WARNING")).body("failed", equalTo("authentication"))
                .body("resolution", containsString("Authorization: Bearer <token>"));
        given().header("Authorization", "Bearer not.a.token").body(ResultFixtures.JACOCO).post(path).then().statusCode(401)
                .body("failed", equalTo("authentication"));
        given().header("Authorization", "Bearer " + DevTokensResource.token("rhea", "release-manager")).body(ResultFixtures.JACOCO)
                .post(path).then().statusCode(403)
                .body("failed", equalTo("authorization")).body("context", endsWith("the role this action needs: pipeline"));
    }

    @Test
    void aResultThatCannotBeParsedIs400InTheErrorShapeAndIsNotStored() {
        String release = uniqueRelease();
        String plainSecret = "hunter2-" + release;
        try (TopicReader inbound = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.REHEARSALS_INBOUND)) {
            asPipeline().body("<testsuite><testcase").post("/v1/releases/" + release + "/test-reports?suite=smoke").then().statusCode(400)
                    .body("severity", equalTo("WARNING")).body("failed", equalTo("test-report payload"))
                    .body("context", containsString("not well-formed XML")).body("impact", containsString("nothing in this payload was accepted"))
                    .body("criteria", equalTo(null));
            asPipeline().body(ResultFixtures.JUNIT).post("/v1/releases/" + release + "/test-reports").then().statusCode(400)
                    .body("context", containsString("the suite is missing"));
            asPipeline().body(ResultFixtures.JUNIT).post("/v1/releases/" + release + "/test-reports?suite=nightly").then().statusCode(400);
            asPipeline().body(ResultFixtures.SARIF.replace("2.1.0\", \"runs", "2.0.0\", \"runs")).post("/v1/releases/" + release + "/security-scans")
                    .then().statusCode(400).body("context", containsString("Gatehouse reads SARIF 2.1.0"));
            asPipeline().body(ResultFixtures.CONFIG_SNAPSHOT_YAML).post("/v1/releases/" + release + "/config-snapshots/production")
                    .then().statusCode(400).body("context", containsString("is of environment \"staging\" but was sent for \"production\""));
            asPipeline().body(ResultFixtures.CONFIG_SNAPSHOT_YAML.replace(ResultFixtures.SECRET_DIGEST, plainSecret))
                    .post("/v1/releases/" + release + "/config-snapshots/staging").then().statusCode(400)
                    .body("context", containsString("is a secret whose value is not a sha256:<64 hex digits> digest"))
                    .body(not(containsString(plainSecret)));
            // The release's only stored result is the valid one posted last: nothing refused was written.
            asPipeline().body(ResultFixtures.CONFIG_SNAPSHOT_YAML).post("/v1/releases/" + release + "/config-snapshots/staging").then().statusCode(202);

            List<ConsumerRecord<String, byte[]>> stored = inbound.await(1, r -> release.equals(r.key()), WAIT);
            assertThat(stored).singleElement().satisfies(record -> {
                assertThat(record.value()).isEqualTo(utf8(ResultFixtures.CONFIG_SNAPSHOT_YAML));
                assertThat(headers(record)).containsEntry("gatehouse-release", release).containsEntry("gatehouse-result", "config-snapshot")
                        .containsEntry("gatehouse-environment", "staging").containsEntry("gatehouse-submitted-by", PIPELINE);
            });
            assertThat(inbound.seen()).noneMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains(plainSecret));
        }
    }

    @Test
    void anIdWithAPathSeparatorOrAnotherUnsafeCharacterIs400() {
        for (String release : List.of("..%2F..%2Fetc", "a%2Fb", "a%5Cb", ".hidden", "rel%20ease", "a%00b", "%C3%A9")) {
            asPipeline().urlEncodingEnabled(false).body(ResultFixtures.LICENSE_AUDIT).post("/v1/releases/" + release + "/license-audit")
                    .then().statusCode(400).body("failed", equalTo("license-audit payload")).body("context", containsString("the release id"));
        }
        asPipeline().urlEncodingEnabled(false).body(ResultFixtures.LICENSE_AUDIT).post("/v1/releases/a;b/license-audit")
                .then().statusCode(400).body("context", containsString("the path holds a ';'"));
        // A dot segment is resolved before routing (RFC 3986): the path then names no release and no endpoint.
        asPipeline().urlEncodingEnabled(false).body(ResultFixtures.LICENSE_AUDIT).post("/v1/releases/%2E%2E/license-audit").then().statusCode(404);
        asPipeline().urlEncodingEnabled(false).body(ResultFixtures.CONFIG_SNAPSHOT_YAML)
                .post("/v1/releases/" + uniqueRelease() + "/config-snapshots/..%2Fstaging")
                .then().statusCode(400).body("context", containsString("the environment"));
    }

    @Test
    void aResultDeclaredOver16MiBIs413InTheErrorShapeBeforeItsBodyIsSentWhileAlertsStayAt1MiB() throws IOException {
        String token = "Authorization: Bearer " + DevTokensResource.token(PIPELINE, "pipeline");
        String refused = postDeclaringOnly("/v1/releases/" + uniqueRelease() + "/security-scans", 16 * 1024 * 1024 + 1, token);
        assertThat(refused).startsWith("HTTP/1.1 413 ");
        assertThat(JsonPath.from(bodyOf(refused)).getString("context"))
                .isEqualTo("intake-service accepts request bodies of at most 16777216 bytes; this body is 16777217 bytes");

        String alert = postDeclaringOnly("/v1/alerts/alertmanager", 1024 * 1024 + 1, token);
        assertThat(alert).startsWith("HTTP/1.1 413 ");
        assertThat(JsonPath.from(bodyOf(alert)).getString("context"))
                .isEqualTo("intake-service accepts alert bodies of at most 1048576 bytes; this body is 1048577 bytes");
    }

    private static RequestSpecification asPipeline() {
        return given().header("Authorization", "Bearer " + DevTokensResource.token(PIPELINE, "pipeline"));
    }

    private static <T> T summary(Map<RehearsalResultKind, RehearsalResultReceived> received, RehearsalResultKind kind, Class<T> type) {
        assertThat(received).containsKey(kind);
        return type.cast(received.get(kind).getSummary());
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        return Arrays.stream(record.headers().toArray())
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8), (a, b) -> b));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
