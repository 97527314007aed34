package io.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.infra.LoopbackPorts;
import io.gatehouse.infra.auth.DevTokens;
import io.gatehouse.infra.corpus.Corpus;
import io.gatehouse.infra.kafka.KafkaBrokerProcess;
import io.gatehouse.infra.postgres.SharedPostgres;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path of an alert: webhook → intake-service → alerts.inbound → gatehouse.alerts → incident-service →
 * outbox → gatehouse.incidents → evidence-service ledger, with each service a separate process built by Maven.
 */
class AlertToEvidenceEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> SERVICES = List.of("intake-service", "rehearsal-service", "incident-service", "evidence-service");

    private static KafkaBrokerProcess broker;
    private static final List<ServiceProcess> running = new ArrayList<>();
    private static ServiceProcess intake;
    private static ServiceProcess incident;
    private static ServiceProcess evidence;

    @BeforeAll
    static void startTheStack() throws IOException {
        Path work = Files.createTempDirectory("gatehouse-e2e-");
        broker = KafkaBrokerProcess.start(work.resolve("kafka"));
        SharedPostgres.Connection database = SharedPostgres.connection();
        DevTokens.ensureKeys(work.resolve("keys"));
        Map<String, String> environment = Map.of(
                "GATEHOUSE_JWT_PUBLIC_KEY_FILE", work.resolve("keys").resolve(DevTokens.PUBLIC_KEY_FILE).toString(),
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "GATEHOUSE_DB_URL", database.jdbcUrl(),
                "GATEHOUSE_DB_USER", database.user(),
                "GATEHOUSE_DB_PASSWORD", database.password());
        Path root = Path.of(System.getProperty("gatehouse.root", "../.."));
        for (String service : SERVICES) {
            running.add(ServiceProcess.start(root, service, LoopbackPorts.free(), environment, work));
        }
        running.forEach(ServiceProcess::awaitReady);
        running.forEach(s -> System.out.printf("[e2e] %-18s ready after %5d ms, RSS %4d MiB%n", s.name, s.readyAfter().toMillis(), s.residentMebibytes()));
        intake = running.get(0);
        incident = running.get(2);
        evidence = running.get(3);
    }

    @AfterAll
    static void stopTheStack() {
        running.forEach(ServiceProcess::close);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void anAlertmanagerAlertBecomesAClassifiedIncidentWithItsEvidence() throws IOException {
        post(fixture("alertmanager-checkout-burn.json"));

        JsonPath opened = awaitIncident("checkout:CheckoutErrorBudgetBurn", 1, 1);
        assertThat(opened.getString("severity")).isEqualTo("SEV_1");
        assertThat(opened.getString("severityRule")).isEqualTo("sev1.slo-burn-rate");
        assertThat(opened.getString("severityRationale")).isEqualTo("SLO burn rate 16.2 ≥ 14.4");

        JsonPath manifest = awaitManifest(opened.getString("id"), 2);
        assertThat(manifest.getList("events.type")).containsExactly("io.gatehouse.events.IncidentOpened", "io.gatehouse.events.SeverityClassified");
        assertThat(manifest.getList("events.sha256", String.class)).allSatisfy(sha -> assertThat(sha).matches("[0-9a-f]{64}"));
        assertThat(awaitManifest("checkout:CheckoutErrorBudgetBurn", 1).getList("events.type")).containsOnly("io.gatehouse.events.AlertReceived");
        assertThat(given().baseUri(evidence.baseUri()).get("/v1/evidence/ledger/verification").jsonPath().getBoolean("intact")).isTrue();
    }

    @Test
    void theRealAlertmanagerCorpusOpensOneIncidentPerGroupWithTheExpectedSeverities() throws IOException {
        Optional<Path> folder = Corpus.folder("alertmanager");
        assumeTrue(folder.isPresent(), () -> Corpus.absent("alertmanager"));
        for (Path webhook : Corpus.alertmanagerWebhooks(folder.get())) {
            post(Files.readAllBytes(webhook));
        }

        record Expected(String group, String severity, String rule, int alerts, int firing) {
        }
        List<Expected> expected = List.of(
                new Expected("payments-db:PaymentsDBReplicationLag", "SEV_1", "sev1.critical-on-tier1-customer-facing", 1, 0),
                new Expected("inventory:InventorySyncStalled", "SEV_3", "sev3.default", 2, 1),
                new Expected("checkout:CheckoutLatencyDegraded", "SEV_2", "sev2.customer-facing", 1, 1),
                new Expected("checkout:CheckoutHighErrorRate", "SEV_1", "sev1.critical-on-tier1-customer-facing", 1, 1),
                new Expected("checkout:CheckoutQueueBacklog", "SEV_2", "sev2.customer-facing", 1, 0));
        for (Expected e : expected) {
            JsonPath found = awaitIncident(e.group(), e.alerts(), e.firing());
            assertThat(found.getString("severity")).as(e.group()).isEqualTo(e.severity());
            assertThat(found.getString("severityRule")).as(e.group()).isEqualTo(e.rule());
            JsonPath manifest = awaitManifest(found.getString("id"), 2);
            assertThat(manifest.getList("events.type")).as(e.group())
                    .containsExactly("io.gatehouse.events.IncidentOpened", "io.gatehouse.events.SeverityClassified");
        }
        List<String> groups = given().baseUri(incident.baseUri()).get("/v1/incidents").jsonPath().getList("groupingKey");
        assertThat(groups).as("an alert storm or a repeated notification is one incident per group")
                .doesNotHaveDuplicates().containsAll(expected.stream().map(Expected::group).toList());
        assertThat(given().baseUri(evidence.baseUri()).get("/v1/evidence/ledger/verification").jsonPath().getBoolean("intact")).isTrue();
    }

    private static void post(byte[] webhook) {
        given().baseUri(intake.baseUri()).contentType("application/json").body(webhook)
                .when().post("/v1/alerts/alertmanager")
                .then().statusCode(202);
    }

    private static JsonPath awaitIncident(String group, int alerts, int firing) {
        return await().atMost(WAIT).until(() -> {
            List<Map<String, Object>> matching = given().baseUri(incident.baseUri()).get("/v1/incidents").jsonPath()
                    .getList("findAll { it.groupingKey == '" + group + "' }");
            if (matching.size() != 1) {
                return null;
            }
            JsonPath found = given().baseUri(incident.baseUri()).get("/v1/incidents/" + matching.get(0).get("id")).jsonPath();
            return found.getList("alerts").size() == alerts && found.getInt("firingAlerts") == firing ? found : null;
        }, Objects::nonNull);
    }

    private static JsonPath awaitManifest(String subject, int events) {
        return await().atMost(WAIT).until(() -> {
            var response = given().baseUri(evidence.baseUri()).get("/v1/evidence/" + subject + "/manifest");
            return response.statusCode() == 200 && response.jsonPath().getInt("eventCount") >= events ? response.jsonPath() : null;
        }, Objects::nonNull);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = AlertToEvidenceEndToEndTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }
}
