package io.gatehouse.rehearsal.registration;

import static io.gatehouse.rehearsal.TestPipeline.as;
import static io.gatehouse.rehearsal.TestPipeline.register;
import static io.gatehouse.rehearsal.TestPipeline.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.gatehouse.infra.auth.DevTokensResource;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.gatehouse.rehearsal.WebhookStubResource;
import io.gatehouse.rehearsal.TestPipeline;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(DevTokensResource.class)
@WithTestResource(WebhookStubResource.class)
class RegistrationTest {

    @Test
    void theSameRegistrationAgainChangesNothingAndAnotherOneForTheSameIdIsRefused() {
        String release = unique("checkout-3.0.0");

        String eventId = register(release).then().statusCode(201).header("Location", containsString("/v1/releases/" + release))
                .extract().path("registrationEventId");
        register(release).then().statusCode(200).body("registrationEventId", equalTo(eventId));

        as("ci-bot", "pipeline").body(Map.of("releaseId", release, "service", "checkout", "version", "3.0.1", "stagingEnvironment", "staging",
                        "productionEnvironment", "production", "previousRelease", "checkout-2.4.0")).post("/v1/releases")
                .then().statusCode(409)
                .body("failed", equalTo("release registration"))
                .body("context", equalTo("release " + release + " is registered already, with another version (registered 2.4.1, now 3.0.1)"));
        assertThat(TestPipeline.release(release).getString("version")).isEqualTo("2.4.1");
    }

    @Test
    void aRegistrationMayNameItsOwnRequirementsAndRto() {
        String release = unique("checkout-3.1.0");

        as("ci-bot", "pipeline").body(Map.of("releaseId", release, "service", "checkout", "version", "3.1.0", "stagingEnvironment", "stage-eu",
                        "productionEnvironment", "prod-eu", "rtoMinutes", 5, "requiredArtifacts", List.of("release-manifest.json"),
                        "requiredApprovals", List.of("scope-fixed", "readiness"), "expectedDifferences", List.of("*.host")))
                .post("/v1/releases").then().statusCode(201);

        JsonPath registered = TestPipeline.release(release);
        assertThat(registered.getInt("rtoMinutes")).isEqualTo(5);
        assertThat(registered.getList("requiredArtifacts")).containsExactly("release-manifest.json");
        assertThat(registered.getList("requiredApprovals")).containsExactly("scope-fixed", "readiness");
        assertThat(registered.getString("decision")).isEqualTo("PENDING");
        assertThat(registered.getList("gates.outcome")).containsExactly("NOT_EVALUATED", "NOT_EVALUATED", "NOT_EVALUATED", "NOT_EVALUATED");
        assertThat(registered.getString("policyVersion")).startsWith("sha256:");
    }

    @Test
    void aRegistrationWithoutReadinessApprovalOrWithAnUnknownApprovalIsRefused() {
        as("ci-bot", "pipeline").body(Map.of("releaseId", unique("r"), "service", "checkout", "version", "1", "stagingEnvironment", "staging",
                        "productionEnvironment", "production", "requiredApprovals", List.of("scope-fixed"))).post("/v1/releases")
                .then().statusCode(400).body("context", containsString("requiredApprovals must include readiness"));
        as("ci-bot", "pipeline").body(Map.of("releaseId", unique("r"), "service", "checkout", "version", "1", "stagingEnvironment", "staging",
                        "productionEnvironment", "staging")).post("/v1/releases")
                .then().statusCode(400).body("context", containsString("staging parity compares two"));
    }

    @Test
    void onlyAPipelineRegistersAndEveryCallNeedsABearerToken() {
        as("rita", "release-manager").body(Map.of("releaseId", unique("r"))).post("/v1/releases").then().statusCode(403)
                .body("failed", equalTo("authorization"));
        given().contentType("application/json").body(Map.of("releaseId", unique("r"))).post("/v1/releases").then().statusCode(401)
                .body("failed", equalTo("authentication"));
        given().get("/v1/releases").then().statusCode(401);
    }

    @Test
    void anUnknownReleaseIs404InTheErrorShape() {
        as("rita", "release-manager").get("/v1/releases/no-such-release").then().statusCode(404)
                .body("severity", equalTo("INFO"))
                .body("failed", equalTo("release lookup"))
                .body("context", equalTo("no release has id no-such-release"));
        TestPipeline.approve("no-such-release", "pat", "product-owner", "scope-fixed").then().statusCode(404);
    }

    @Test
    void releasesAreListedNewestFirstAPageAtATimeAndFilteredByServiceAndDecision() {
        String service = unique("svc");
        List<String> ids = List.of(unique("a"), unique("b"), unique("c"));
        for (String id : ids) {
            as("ci-bot", "pipeline").body(Map.of("releaseId", id, "service", service, "version", "1", "stagingEnvironment", "staging",
                    "productionEnvironment", "production")).post("/v1/releases").then().statusCode(201);
        }

        JsonPath first = as("reader", "release-manager").queryParam("service", service).queryParam("size", 2).get("/v1/releases")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.releaseId")).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.getLong("total")).isEqualTo(3);
        JsonPath second = as("reader", "release-manager").queryParam("service", service).queryParam("size", 2).queryParam("page", 1)
                .get("/v1/releases").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.releaseId")).containsExactly(ids.get(0));

        as("reader", "release-manager").queryParam("service", service).queryParam("decision", "GO").get("/v1/releases")
                .then().statusCode(200).body("total", equalTo(0)).body("items.releaseId", not(hasItem(ids.get(0))));
        as("reader", "release-manager").queryParam("decision", "MAYBE").get("/v1/releases").then().statusCode(400)
                .body("context", equalTo("decision must be one of PENDING, GO, NO_GO"));
    }
}
