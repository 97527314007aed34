package io.gatehouse.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gatehouse.evidence.log.MerkleTree;
import io.gatehouse.infra.LoopbackPorts;
import io.gatehouse.infra.auth.DevTokens;
import io.gatehouse.infra.corpus.Corpus;
import io.gatehouse.infra.kafka.KafkaBrokerProcess;
import io.gatehouse.infra.postgres.SharedPostgres;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
    private static SharedPostgres.Connection database;
    private static HttpServer chat;
    private static PrivateKey signingKey;
    private static final List<ServiceProcess> running = new ArrayList<>();
    private static ServiceProcess intake;
    private static ServiceProcess rehearsal;
    private static ServiceProcess incident;
    private static ServiceProcess evidence;

    @BeforeAll
    static void startTheStack() throws IOException {
        Path work = Files.createTempDirectory("gatehouse-e2e-");
        database = SharedPostgres.connection();
        broker = KafkaBrokerProcess.start(work.resolve("kafka"));
        signingKey = DevTokens.ensureKeys(work.resolve("keys"));
        chat = acceptingWebhooks();
        Path rollbackScript = Files.writeString(work.resolve("rollback.sh"), "#!/bin/sh\necho rolled back $GATEHOUSE_SERVICE\n");
        rollbackScript.toFile().setExecutable(true);
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(service -> ports.put(service, LoopbackPorts.free()));
        Map<String, String> environment = Map.of(
                "GATEHOUSE_JWT_PUBLIC_KEY_FILE", work.resolve("keys").resolve(DevTokens.PUBLIC_KEY_FILE).toString(),
                "GATEHOUSE_ROLLBACK_EXECUTOR_SCRIPT", rollbackScript.toString(),
                "GATEHOUSE_ARTIFACTS_DIR", work.resolve("artifacts").toString(),
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "GATEHOUSE_DB_URL", database.jdbcUrl(),
                "GATEHOUSE_DB_USER", database.user(),
                "GATEHOUSE_DB_PASSWORD", database.password());
        String chatUrl = "http://127.0.0.1:" + chat.getAddress().getPort() + "/";
        List<String> channels = List.of("-Dgatehouse.notify.channels.incident-bridge=" + chatUrl + "incident-bridge",
                "-Dgatehouse.notify.channels.team-alerts=" + chatUrl + "team-alerts");
        Path root = Path.of(System.getProperty("gatehouse.root", "../.."));
        for (String service : SERVICES) {
            running.add(ServiceProcess.start(root, service, ports.get(service), environment,
                    service.equals("incident-service") ? channels : List.of(), work));
        }
        running.forEach(ServiceProcess::awaitReady);
        running.forEach(s -> System.out.printf("[e2e] %-18s ready after %5d ms, RSS %4d MiB%n", s.name, s.readyAfter().toMillis(), s.residentMebibytes()));
        intake = running.get(0);
        rehearsal = running.get(1);
        incident = running.get(2);
        evidence = running.get(3);
    }

    @AfterAll
    static void stopTheStack() {
        running.forEach(ServiceProcess::close);
        if (broker != null) {
            broker.close();
        }
        if (chat != null) {
            chat.stop(0);
        }
    }

    @Test
    void aWholeIncidentRunsAcrossTheServicesAndItsEvidenceBundleIsTheSameEveryTime() throws IOException {
        // Protocol 14 first: the release the incident will roll back to, and its rollback rehearsal on staging.
        as("ci", "pipeline").baseUri(rehearsal.baseUri()).body("{\"releaseId\":\"rel-e2e\",\"service\":\"checkout\",\"version\":\"1.0.0\","
                + "\"stagingEnvironment\":\"staging\",\"productionEnvironment\":\"production\",\"rtoMinutes\":10,\"previousRelease\":null}")
                .post("/v1/releases").then().statusCode(201);
        as("ci", "pipeline").baseUri(intake.baseUri()).body("{\"status\":\"SUCCEEDED\",\"startedAt\":\"2026-11-19T09:30:00Z\","
                + "\"finishedAt\":\"2026-11-19T09:34:00Z\",\"steps\":[{\"name\":\"rollback.sh\",\"status\":\"SUCCEEDED\"}],\"log\":\"rolled back\"}")
                .post("/v1/releases/rel-e2e/rollback-rehearsal").then().statusCode(202);
        // A blocking finding fails gate 3: rel-e2e is decided NO_GO, and evidence-service seals that decision.
        as("ci", "pipeline").baseUri(intake.baseUri()).contentType("application/sarif+json")
                .body(Files.readAllBytes(Path.of(System.getProperty("gatehouse.root", "../..")).resolve("deploy/local/samples/release/security-scan-blocking.sarif")))
                .post("/v1/releases/rel-e2e/security-scans").then().statusCode(202);
        // intake → rehearsals → rehearsal-service → gatehouse.releases → incident-service, asked as a commander would.
        JsonPath target = await().atMost(WAIT).until(() -> given().baseUri(incident.baseUri()).get("/v1/rollback-targets/rel-e2e"),
                answer -> answer.statusCode() == 200).jsonPath();
        assertThat(target.getBoolean("succeeded")).isTrue();
        assertThat(target.getDouble("durationSeconds")).isEqualTo(240.0);

        byte[] firing = renamed(fixture("alertmanager-checkout-burn.json"));
        byte[] resolved = renamed(fixture("alertmanager-checkout-burn-resolved.json"));
        post(firing);
        String id = awaitIncident("checkout:CheckoutLifecycle", 1, 1).getString("id");
        String path = "/v1/incidents/" + id;

        act("iris", "incident-commander", path + "/severity/confirmation", "{}", 200);
        act("iris", "incident-commander", path + "/mitigation/plan", "{\"options\":[{\"kind\":\"ROLLBACK\",\"description\":\"back to rel-e2e\","
                + "\"pros\":[\"known\"],\"cons\":[\"slow\"],\"risks\":[\"drift\"]}],\"chosen\":\"ROLLBACK\",\"previousRelease\":\"rel-e2e\","
                + "\"scope\":{\"services\":[\"checkout\"],\"regions\":[],\"description\":\"all checkout\"}}", 200);
        JsonPath readiness = act("rhea", "release-manager", path + "/mitigation/readiness",
                "{\"rollbackScriptPresent\":true,\"dataBackupVerified\":true}", 200);
        assertThat(readiness.getString("items.find { it.name == 'previous-release-rollback-verified' }.status"))
                .as("rel-e2e's rollback rehearsal, from protocol 14's real pipeline result").isEqualTo("PASSED");
        assertThat(readiness.getString("items.find { it.name == 'previous-release-rollback-verified' }.evidenceEventId"))
                .isEqualTo(target.getString("eventId"));
        act("iris", "incident-commander", path + "/mitigation/approval", "{}", 200);
        act("rhea", "release-manager", path + "/mitigation/approval", "{}", 200);
        // No waiver: gate 2 passes on the rehearsal.
        act("iris", "incident-commander", path + "/rollback", "{}", 202);
        JsonPath mitigation = given().baseUri(incident.baseUri()).get(path + "/mitigation").jsonPath();
        assertThat(mitigation.getString("gate2")).isEqualTo("PASSED");
        assertThat(mitigation.getString("waivedByCommander")).isNull();
        await().atMost(WAIT).until(() -> "SUCCEEDED".equals(given().baseUri(incident.baseUri()).get(path + "/mitigation").jsonPath().getString("execution")));
        act("rita", "responder", path + "/recovery", "{\"checks\":[{\"name\":\"smoke\",\"kind\":\"SMOKE_TEST\",\"passed\":true}]}", 200);
        post(resolved);
        await().atMost(WAIT).until(() -> given().baseUri(incident.baseUri()).get(path).jsonPath().getInt("firingAlerts") == 0);
        for (String kind : List.of("LOG", "DASHBOARD", "DIFF")) {
            act("rita", "responder", path + "/root-cause-evidence",
                    "{\"kind\":\"" + kind + "\",\"title\":\"" + kind + "\",\"location\":\"s3://rca/" + kind + "\"}", 200);
        }
        act("iris", "incident-commander", path + "/resolution", "{\"summary\":\"rolled back\",\"sloRestored\":true,\"followUps\":[\"canary\"]}", 200);
        await().atMost(WAIT).until(() -> "RESOLVED".equals(given().baseUri(incident.baseUri()).get(path).jsonPath().getString("status")));

        // The closed incident's evidence: complete, consistent with what is served, the same bytes every time.
        // The draft is rendered anew for every request and the incident's last notifications may still be arriving, so
        // the manifest and the report are read together until the events settled and both describe the same state.
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath manifest = given().baseUri(evidence.baseUri()).get("/v1/evidence/" + id + "/artifacts/evidence-manifest.json").jsonPath();
            byte[] served = given().baseUri(evidence.baseUri()).get("/v1/evidence/" + id + "/artifacts/INCIDENT-REPORT.md").asByteArray();
            assertThat(manifest.getDouble("completeness")).isEqualTo(1.0);
            assertThat(manifest.getString("artifacts.find { it.name == 'INCIDENT-REPORT.md' }.sha256")).isEqualTo(sha256(served));
        });
        byte[] report = given().baseUri(evidence.baseUri()).get("/v1/evidence/" + id + "/artifacts/INCIDENT-REPORT.md").asByteArray();
        assertThat(new String(report, StandardCharsets.UTF_8)).contains("rolled back");
        // Sealed when evidence-service recorded the close: final, whatever arrives after it.
        Response sealed = await().atMost(WAIT).until(
                () -> given().baseUri(evidence.baseUri()).get("/v1/evidence/" + id + "/bundle"), answer -> answer.statusCode() == 200);
        assertThat(sealed.header("Gatehouse-Evidence-State")).isEqualTo("sealed");
        assertThat(new String(entry(sealed.asByteArray(), "INCIDENT-REPORT.md"), StandardCharsets.UTF_8)).containsPattern("\\| 4 [^\\n]*\\| PASSED \\|");
        assertThat(given().baseUri(evidence.baseUri()).get("/v1/evidence/" + id + "/bundle").asByteArray()).isEqualTo(sealed.asByteArray());
        assertThat(given().baseUri(evidence.baseUri()).get("/v1/evidence/ledger/verification").jsonPath().getBoolean("intact")).isTrue();

        // The rehearsal the rollback rested on is in the release's evidence, as protocol 14 names it.
        // evidence-service reads gatehouse.releases on its own: wait until it has recorded the assessment.
        JsonPath verification = await().atMost(WAIT).until(() -> given().baseUri(evidence.baseUri())
                .get("/v1/evidence/rel-e2e/artifacts/rollback-verification-report.json").jsonPath(), answer -> Boolean.TRUE.equals(answer.get("passed")));
        assertThat(verification.getDouble("durationSeconds")).isEqualTo(240.0);
        assertThat(verification.getDouble("rtoSeconds")).isEqualTo(600.0);

        replayingTheLogRebuildsTheSameTreeAndSealsByteForByte(List.of(id, "rel-e2e"));
        aStoredEventAlteredInTheDatabaseIsNamedByTheAuditorsVerify();
    }

    /** What an auditor with Java and the broker's address does: replay every topic into an empty store of the tool's own. */
    private static void replayingTheLogRebuildsTheSameTreeAndSealsByteForByte(List<String> sealedSubjects) throws IOException {
        for (String subject : sealedSubjects) {
            await().atMost(WAIT).until(() -> given().baseUri(evidence.baseUri()).get("/v1/evidence/" + subject + "/seals").jsonPath().getList("seal").size() > 0);
        }
        Path work = Files.createTempDirectory("gatehouse-audit-");
        Path publicKey = Files.writeString(work.resolve("public-key"), given().baseUri(evidence.baseUri()).get("/v1/evidence/ledger/public-key").asString());
        Path out = work.resolve("replay");

        Audit replay = Audit.run("replay", "--bootstrap-servers", broker.bootstrapServers(), "--out", out.toString(), "--public-key", publicKey.toString());

        assertThat(replay.exitCode()).as(replay.output()).isZero();
        JsonPath report = new JsonPath(out.resolve("replay-report.json").toFile());
        assertThat(report.getBoolean("identical")).as(replay.output()).isTrue();
        long size = report.getLong("tree.size");
        byte[] root = HexFormat.of().parseHex(report.getString("tree.rootHash"));
        JsonPath live = given().baseUri(evidence.baseUri()).get("/v1/evidence/ledger/verification").jsonPath();
        assertThat(live.getBoolean("intact")).isTrue();
        long liveSize = live.getLong("entriesChecked");
        List<byte[]> proof = given().baseUri(evidence.baseUri()).queryParam("from", size).queryParam("to", liveSize)
                .get("/v1/evidence/ledger/proofs/consistency").jsonPath().getList("hashes", String.class).stream().map(HexFormat.of()::parseHex).toList();
        assertThat(MerkleTree.verifyConsistency(size, liveSize, root, HexFormat.of().parseHex(live.getString("rootHash")), proof))
                .as("the replayed tree of %d entries is the live tree's first %d", size, size).isTrue();
        for (String subject : sealedSubjects) {
            for (Map<String, Object> seal : given().baseUri(evidence.baseUri()).get("/v1/evidence/" + subject + "/seals").jsonPath().<Map<String, Object>>getList("$")) {
                byte[] sealed = given().baseUri(evidence.baseUri()).get((String) seal.get("bundle")).asByteArray();
                Path rebuilt = out.resolve("bundles").resolve(subject).resolve("seal-" + seal.get("seal")).resolve((String) seal.get("bundleName"));
                assertThat(Files.readAllBytes(rebuilt)).as("%s seal %s rebuilt from the log", subject, seal.get("seal")).isEqualTo(sealed);
            }
        }
        Path bundle = out.resolve("bundles").resolve(sealedSubjects.get(0)).resolve("seal-1").resolve("INCIDENT-EVIDENCE-BUNDLE.zip");
        Audit offline = Audit.run("verify-bundle", bundle.toString(), "--public-key", publicKey.toString());
        assertThat(offline.exitCode()).as(offline.output()).isZero();
    }

    private static void aStoredEventAlteredInTheDatabaseIsNamedByTheAuditorsVerify() {
        Audit intact = Audit.run("verify", "--bootstrap-servers", broker.bootstrapServers(), "--evidence-url", evidence.baseUri());
        assertThat(intact.exitCode()).as(intact.output()).isZero();

        long seq = 3;
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             PreparedStatement flip = connection.prepareStatement(
                     "update evidence.ledger_entry set canonical = overlay(canonical placing '#'::bytea from 40 for 1) where seq = ?");
             PreparedStatement restore = connection.prepareStatement("update evidence.ledger_entry set canonical = ? where seq = ?");
             PreparedStatement read = connection.prepareStatement("select canonical from evidence.ledger_entry where seq = ?")) {
            read.setLong(1, seq);
            ResultSet original = read.executeQuery();
            original.next();
            byte[] canonical = original.getBytes(1);
            flip.setLong(1, seq);
            flip.executeUpdate();
            try {
                Audit altered = Audit.run("verify", "--bootstrap-servers", broker.bootstrapServers(), "--evidence-url", evidence.baseUri());
                assertThat(altered.exitCode()).as(altered.output()).isEqualTo(1);
                assertThat(altered.output()).contains("FIRST BAD LEAF: leaf " + (seq - 1) + " ALTERED");
            } finally {
                restore.setBytes(1, canonical);
                restore.setLong(2, seq);
                restore.executeUpdate();
            }
        } catch (SQLException e) {
            throw new AssertionError("could not alter the stored event", e);
        }
    }

    /** One file of a ZIP. */
    private static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " is not in the bundle");
    }

    /** The fixture as another alert: another name and, since alerts are known by it, another fingerprint. */
    private static byte[] renamed(byte[] webhook) {
        return new String(webhook, StandardCharsets.UTF_8).replace("CheckoutErrorBudgetBurn", "CheckoutLifecycle")
                .replace("a1b2c3d4e5f60718", "b2c3d4e5f6071829").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonPath act(String person, String role, String path, String body, int status) {
        return as(person, role).baseUri(incident.baseUri()).body(body).post(path).then().statusCode(status).extract().jsonPath();
    }

    private static RequestSpecification as(String person, String role) {
        return given().contentType("application/json")
                .header("Authorization", "Bearer " + DevTokens.mint(signingKey, person, Set.of(role), Duration.ofMinutes(10)));
    }

    /** A stand-in chat service: every Slack-compatible webhook POST is answered ok. */
    private static HttpServer acceptingWebhooks() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
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
        assertThat(manifest.getList("events.type", String.class)).startsWith("io.gatehouse.events.IncidentOpened", "io.gatehouse.events.SeverityClassified");
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
            assertThat(manifest.getList("events.type", String.class)).as(e.group())
                    .startsWith("io.gatehouse.events.IncidentOpened", "io.gatehouse.events.SeverityClassified");
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
