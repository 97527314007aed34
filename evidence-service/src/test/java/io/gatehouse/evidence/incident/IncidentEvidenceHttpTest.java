package io.gatehouse.evidence.incident;

import static io.gatehouse.evidence.IncidentEvents.OPENED_AT;
import static io.gatehouse.evidence.IncidentEvents.awaitManifest;
import static io.gatehouse.evidence.IncidentEvents.opened;
import static io.gatehouse.evidence.IncidentEvents.publish;
import static io.gatehouse.evidence.RenderedFiles.unzip;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityClassified;
import io.gatehouse.events.SeverityInputs;
import io.gatehouse.evidence.RenderedFiles.BundleEntry;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
class IncidentEvidenceHttpTest {

    @Test
    void aClassifiedIncidentsArtifactsManifestAndBundleAreServedFromTheLedger() {
        String incidentId = "inc-" + UUID.randomUUID();
        publish(opened(incidentId), incidentId, OPENED_AT);
        publish(classified(incidentId), incidentId, OPENED_AT.plusSeconds(1));
        awaitManifest(incidentId, 2);

        Response assessment = given().get("/v1/evidence/" + incidentId + "/artifacts/severity-assessment.json");
        JsonPath manifest = given().get("/v1/evidence/" + incidentId + "/artifacts/evidence-manifest.json").then().statusCode(200)
                .extract().jsonPath();
        Response bundle = given().get("/v1/evidence/" + incidentId + "/draft-bundle");

        assertThat(assessment.statusCode()).isEqualTo(200);
        assertThat(assessment.contentType()).startsWith("application/json");
        assertThat(assessment.jsonPath().getString("proposal.severity")).isEqualTo("SEV_2");
        assertThat(assessment.jsonPath().getString("proposal.rule")).isEqualTo("sev2.customer-facing");
        assertThat(assessment.jsonPath().getBoolean("consensus.reached")).isFalse();

        assertThat(manifest.getString("subject")).isEqualTo(incidentId);
        assertThat(manifest.getInt("protocol")).isEqualTo(17);
        assertThat(manifest.getDouble("completeness")).isLessThan(1.0);
        assertThat(manifest.getList("artifacts.name")).hasSize(13).contains("traceability-matrix.json");
        assertThat(manifest.getList("absentArtifacts.name")).contains("reviewer-signoff.json", "gate-1-validation.json");
        assertThat(manifest.getString("artifacts.find { it.name == 'severity-assessment.json' }.sha256"))
                .isEqualTo(HashChain.sha256(assessment.asByteArray()));
        assertThat(manifest.getLong("artifacts.find { it.name == 'severity-assessment.json' }.sizeBytes"))
                .isEqualTo(assessment.asByteArray().length);
        assertThat(manifest.getString("artifacts.find { it.name == 'severity-assessment.json' }.createdAt"))
                .isEqualTo("2026-11-21T14:00:38.019Z");

        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.contentType()).isEqualTo("application/zip");
        assertThat(bundle.header("Content-Disposition")).isEqualTo("attachment; filename=\"DRAFT-INCIDENT-EVIDENCE-BUNDLE.zip\"");
        assertThat(bundle.header("Gatehouse-Evidence-State")).isEqualTo("draft");
        assertThat(unzip(bundle.asByteArray()).stream().map(BundleEntry::name).toList()).hasSize(14).isSorted()
                .contains("evidence-manifest.json", "INCIDENT-REPORT.md");
        assertThat(given().get("/v1/evidence/" + incidentId + "/draft-bundle").asByteArray()).isEqualTo(bundle.asByteArray());
        given().get("/v1/evidence/" + incidentId + "/bundle").then().statusCode(404)
                .body("context", containsString("has not reached a point its protocol calls final"))
                .body("resolution", containsString("/v1/evidence/" + incidentId + "/draft-bundle"));
    }

    @Test
    void anUnknownArtifactNameIsA404InTheErrorShape() {
        String incidentId = "inc-" + UUID.randomUUID();
        publish(opened(incidentId), incidentId, OPENED_AT);
        awaitManifest(incidentId, 1);

        given().get("/v1/evidence/" + incidentId + "/artifacts/no-such-file.json").then().statusCode(404)
                .body("severity", equalTo("INFO"))
                .body("failed", equalTo("evidence artifact"))
                .body("context", containsString("no artifact named no-such-file.json"));
    }

    @Test
    void aSubjectWithoutAnOpenedIncidentOrARegisteredReleaseHasNoArtifacts() {
        String subject = "inc-" + UUID.randomUUID();
        publish(classified(subject), subject, OPENED_AT);
        awaitManifest(subject, 1);

        given().get("/v1/evidence/" + subject + "/draft-bundle").then().statusCode(404)
                .body("context", containsString("has neither an opened incident nor a registered release or pipeline result"));
        given().get("/v1/evidence/nothing-here/artifacts/INCIDENT-REPORT.md").then().statusCode(404)
                .body("context", equalTo("nothing is recorded about subject nothing-here"));
    }

    private static SeverityClassified classified(String incidentId) {
        return SeverityClassified.newBuilder()
                .setIncidentId(incidentId)
                .setSeverity(Severity.SEV_2)
                .setRule("sev2.customer-facing")
                .setRationale("checkout is customer-facing")
                .setInputs(SeverityInputs.newBuilder().setCustomerFacing(true).setServiceTier(2).build())
                .setPolicyVersion("17.yaml@1")
                .setClassifiedAt(OPENED_AT.plusSeconds(1))
                .build();
    }
}
