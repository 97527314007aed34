package io.gatehouse.rehearsal;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.RawRecords;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** What a deployment pipeline and the people around a release do, as a test does it: results on Kafka, calls over HTTP. */
public final class TestPipeline {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final String STAGING = "staging";
    public static final String PRODUCTION = "production";
    public static final String CONTROLS = "WAF rule blocks the vulnerable endpoint; the fix ships within 7 days";

    private TestPipeline() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A time a minute ago, to the millisecond of event times: results received just before people act on them. */
    public static Instant aMinuteAgo() {
        return Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Publishes a result on gatehouse.rehearsals as intake-service does; returns its event id. */
    public static String publish(RehearsalResultReceived result) {
        String eventId = UUID.randomUUID().toString();
        RecordHeaders headers = new RecordHeaders();
        CloudEvent.of(result, eventId, "/gatehouse/intake-service", result.getRelease(), result.getReceivedAt()).writeTo(headers);
        RawRecords.send(KafkaBrokerResource.bootstrapServers(), Topics.REHEARSALS, result.getRelease(), headers, EventCodec.encode(result));
        return eventId;
    }

    public static void publishAll(List<RehearsalResultReceived> results) {
        results.forEach(TestPipeline::publish);
    }

    /** A JSON request carrying a development token for {@code person} with {@code roles}. */
    public static RequestSpecification as(String person, String... roles) {
        return given().contentType("application/json").header("Authorization", "Bearer " + DevTokensResource.token(person, roles));
    }

    /** Registers {@code release} for service checkout on staging/production, with the policy's defaults. */
    public static Response register(String release) {
        return as("ci-bot", "pipeline").body(Map.of("releaseId", release, "service", "checkout", "version", "2.4.1",
                "stagingEnvironment", STAGING, "productionEnvironment", PRODUCTION, "previousRelease", "checkout-2.4.0")).post("/v1/releases");
    }

    /** The three upstream approvals, each from its role. */
    public static void approveUpstream(String release) {
        approve(release, "sam", "senior-quality-engineer", "quality-audit-readiness").then().statusCode(201);
        approve(release, "pat", "product-owner", "scope-fixed").then().statusCode(201);
        approve(release, "sec", "security-lead", "staging-rehearsal-clearance").then().statusCode(201);
    }

    public static Response approve(String release, String person, String role, String kind) {
        return as(person, role).body(Map.of("kind", kind, "note", "checked")).post("/v1/releases/" + release + "/approvals");
    }

    /** An approval that expires at {@code expiresAt}. */
    public static Response approveUntil(String release, String person, String role, String kind, Instant expiresAt) {
        return as(person, role).body(Map.of("kind", kind, "expiresAt", expiresAt.toString())).post("/v1/releases/" + release + "/approvals");
    }

    public static Response waive(String release, int gate, String person, String role, String riskAssessment, String compensatingControls) {
        Map<String, String> body = compensatingControls == null ? Map.of("riskAssessment", riskAssessment)
                : Map.of("riskAssessment", riskAssessment, "compensatingControls", compensatingControls);
        return as(person, role).body(body).post("/v1/releases/" + release + "/gates/" + gate + "/waivers");
    }

    public static JsonPath release(String release) {
        return as("reader", "release-manager").get("/v1/releases/" + release).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the release, as GET shows it, satisfies {@code condition}. */
    public static JsonPath awaitRelease(String release, Predicate<JsonPath> condition) {
        return await().atMost(WAIT).until(() -> {
            Response response = as("reader", "release-manager").get("/v1/releases/" + release);
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, view -> view != null && condition.test(view));
    }

    /** The outcome of gate {@code gate} as GET shows it. */
    public static String outcome(JsonPath release, int gate) {
        return release.getString("gates.find { it.gate == " + gate + " }.outcome");
    }

    /** Whether gates 1 to 3 all passed. */
    public static boolean firstGatesPassed(JsonPath release) {
        return "PASSED".equals(outcome(release, 1)) && "PASSED".equals(outcome(release, 2)) && "PASSED".equals(outcome(release, 3));
    }

    /** Whether the record's CloudEvents type is the event class's. */
    public static boolean is(ConsumerRecord<String, byte[]> record, Class<?> type) {
        return type.getName().equals(CloudEvent.readFrom(record.headers()).type());
    }

    public static <T extends SpecificRecord> T decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return EventCodec.decode(record.value(), type);
    }
}
