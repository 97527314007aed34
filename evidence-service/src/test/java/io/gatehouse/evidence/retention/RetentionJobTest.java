package io.gatehouse.evidence.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.gatehouse.events.EvidenceRetentionApplied;
import io.gatehouse.events.RetentionAction;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention job run at chosen dates, on seals written straight into the tables. Seals date from 2001, long before
 * any event time the service's other tests use, so running the job here never touches their evidence.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
class RetentionJobTest {

    private static final Instant SEALED_AT = Instant.parse("2001-02-03T04:05:06.789Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RetentionJob job;

    @Inject
    SettableRetentionClock clock;

    @Inject
    ArchiveStore archive;

    @Inject
    RetainedBundles retained;

    @Inject
    RetentionPolicy policy;

    @Inject
    DataSource dataSource;

    private Seals seals;

    @BeforeEach
    void writeSealsStraightIntoTheTables() {
        seals = new Seals(dataSource);
    }

    @AfterEach
    void backToTheSystemClock() {
        clock.reset();
    }

    @Test
    void aReleaseBundleStaysActiveUntilItsNinetyDaysEndThenMovesToTheArchive() throws IOException {
        Seals.Seal release = seals.seal("rel-" + UUID.randomUUID(), 1, Seals.RELEASE, SEALED_AT, Seals.bundleBytes("release"));
        try (TopicReader evidenceTopic = new TopicReader(KafkaBrokerResource.bootstrapServers(), Topics.EVIDENCE)) {

            List<CleanupAction> atDay89 = runAt(SEALED_AT.plus(Duration.ofDays(89)));

            assertThat(actionsOn(atDay89, release)).isEmpty();
            assertThat(retained.statusOf(release.subject(), 1)).contains(RetentionStatus.ACTIVE);
            assertThat(seals.activeBlob(release.sha256())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(release.bytes()));
            assertThat(archive.holds(release.sha256())).isFalse();

            Instant day91 = SEALED_AT.plus(Duration.ofDays(91));
            List<CleanupAction> atDay91 = runAt(day91);

            String citation = "release evidence: active 90 days, archived 1095 days (retention policy " + policy.version() + ")";
            assertThat(actionsOn(atDay91, release)).containsExactly(new CleanupAction(release.subject(), 1, release.sha256(),
                    CleanupAction.Kind.ARCHIVED, SEALED_AT.plus(Duration.ofDays(90)), day91, citation));
            assertThat(retained.statusOf(release.subject(), 1)).contains(RetentionStatus.ARCHIVED);
            byte[] archived = Files.readAllBytes(archive.fileOf(release.sha256()));
            assertThat(archive.fileOf(release.sha256())).hasFileName(release.sha256() + ".zip");
            assertThat(HashChain.sha256(archived)).isEqualTo(release.sha256());
            assertThat(archived).isEqualTo(release.bytes());
            assertThat(retained.archivedBundle(release.sha256())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(release.bytes()));
            assertThat(seals.activeBlob(release.sha256())).as("the active copy").isEmpty();
            assertThat(retained.archiving(release.subject(), 1)).isPresent();
            assertThat(retained.deletion(release.subject(), 1)).isEmpty();

            ConsumerRecord<String, byte[]> published = evidenceTopic.await(1, record -> release.subject().equals(record.key()), WAIT).get(0);
            assertThat(CloudEvent.readFrom(published.headers()).type()).isEqualTo(EvidenceRetentionApplied.getClassSchema().getFullName());
            EvidenceRetentionApplied event = EventCodec.decode(published.value(), EvidenceRetentionApplied.class);
            assertThat(event.getSubject()).isEqualTo(release.subject());
            assertThat(event.getSeal()).isEqualTo(1);
            assertThat(event.getAction()).isEqualTo(RetentionAction.ARCHIVED);
            assertThat(event.getBundleSha256()).isEqualTo(release.sha256());
            assertThat(event.getPolicy()).isEqualTo(citation);
            assertThat(event.getPeriodEndedAt()).isEqualTo(SEALED_AT.plus(Duration.ofDays(90)));
            assertThat(event.getAppliedAt()).isEqualTo(day91);
        }

        var served = given().get("/v1/evidence/" + release.subject() + "/bundle");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.header("Gatehouse-Evidence-Storage")).isEqualTo("archived");
        assertThat(served.asByteArray()).as("the archived bundle is still served, from the archive").isEqualTo(release.bytes());

        JsonPath log = given().get("/v1/evidence/" + release.subject() + "/cleanup-log.json").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(log.getString("subject")).isEqualTo(release.subject());
        assertThat(log.getList("actions")).hasSize(1);
        assertThat(log.getInt("actions[0].seal")).isEqualTo(1);
        assertThat(log.getString("actions[0].bundleSha256")).isEqualTo(release.sha256());
        assertThat(log.getString("actions[0].action")).isEqualTo("ARCHIVED");
        assertThat(log.getString("actions[0].periodEndedAt")).isEqualTo("2001-05-04T04:05:06.789Z");
        assertThat(log.getString("actions[0].appliedAt")).isEqualTo("2001-05-05T04:05:06.789Z");
        assertThat(log.getString("actions[0].policy")).contains("release evidence: active 90 days").contains(policy.version());
    }

    @Test
    void anIncidentBundleIsStillActiveAtDay91() {
        Seals.Seal incident = seals.seal("inc-" + UUID.randomUUID(), 1, Seals.INCIDENT, SEALED_AT, Seals.bundleBytes("incident"));

        List<CleanupAction> atDay91 = runAt(SEALED_AT.plus(Duration.ofDays(91)));

        assertThat(actionsOn(atDay91, incident)).isEmpty();
        assertThat(retained.statusOf(incident.subject(), 1)).contains(RetentionStatus.ACTIVE);
        assertThat(seals.activeBlob(incident.sha256())).isPresent();
        assertThat(archive.holds(incident.sha256())).isFalse();

        List<CleanupAction> afterAYear = runAt(SEALED_AT.plus(Duration.ofDays(365)));

        assertThat(actionsOn(afterAYear, incident)).extracting(CleanupAction::action).containsExactly(CleanupAction.Kind.ARCHIVED);
        assertThat(actionsOn(afterAYear, incident).get(0).policy()).startsWith("incident evidence: active 365 days, archived 1825 days");
    }

    @Test
    void anArchivedReleaseBundleIsDeletedWhenItsThreeYearsInTheArchiveEnd() {
        Seals.Seal release = seals.seal("rel-" + UUID.randomUUID(), 1, Seals.RELEASE, SEALED_AT, Seals.bundleBytes("release"));
        Instant archiveEnds = SEALED_AT.plus(Duration.ofDays(90 + 1095));
        runAt(SEALED_AT.plus(Duration.ofDays(91)));

        List<CleanupAction> justBefore = runAt(archiveEnds.minusMillis(1));

        assertThat(actionsOn(justBefore, release)).isEmpty();
        assertThat(retained.archivedBundle(release.sha256())).isPresent();

        List<CleanupAction> atTheEnd = runAt(archiveEnds);

        assertThat(actionsOn(atTheEnd, release)).extracting(CleanupAction::action, CleanupAction::periodEndedAt, CleanupAction::appliedAt)
                .containsExactly(tuple(CleanupAction.Kind.DELETED, archiveEnds, archiveEnds));
        assertThat(retained.statusOf(release.subject(), 1)).contains(RetentionStatus.DELETED);
        assertThat(archive.holds(release.sha256())).isFalse();
        assertThat(retained.archivedBundle(release.sha256())).isEmpty();
        CleanupAction deletion = retained.deletion(release.subject(), 1).orElseThrow();
        assertThat(RetainedBundles.goneReport(deletion).context()).contains("deleted by retention at 2004-05-03T04:05:06.789Z")
                .contains("archive period ended at 2004-05-03T04:05:06.789Z").contains(release.sha256());
        given().get("/v1/evidence/" + release.subject() + "/bundle").then().statusCode(410)
                .body("failed", equalTo(RetainedBundles.goneReport(deletion).failed()))
                .body("context", containsString("deleted by retention"));
        given().get("/v1/evidence/" + release.subject() + "/cleanup-log.json").then().statusCode(200)
                .body("actions.action", equalTo(List.of("ARCHIVED", "DELETED")))
                .body("actions[1].periodEndedAt", equalTo("2004-05-03T04:05:06.789Z"));
    }

    @Test
    void aBundleLeftInactiveForYearsIsArchivedAndDeletedInOneRunWithBothSteps() {
        Seals.Seal release = seals.seal("rel-" + UUID.randomUUID(), 1, Seals.RELEASE, SEALED_AT, Seals.bundleBytes("release"));

        List<CleanupAction> applied = runAt(SEALED_AT.plus(Duration.ofDays(2000)));

        assertThat(actionsOn(applied, release)).extracting(CleanupAction::action)
                .containsExactly(CleanupAction.Kind.ARCHIVED, CleanupAction.Kind.DELETED);
        assertThat(seals.activeBlob(release.sha256())).isEmpty();
        assertThat(archive.holds(release.sha256())).isFalse();
    }

    @Test
    void runningTheJobASecondTimeDoesNothing() {
        Seals.Seal release = seals.seal("rel-" + UUID.randomUUID(), 1, Seals.RELEASE, SEALED_AT, Seals.bundleBytes("release"));
        Instant day91 = SEALED_AT.plus(Duration.ofDays(91));
        assertThat(actionsOn(runAt(day91), release)).hasSize(1);

        assertThat(runAt(day91)).isEmpty();
        assertThat(seals.actionsRecorded(release, CleanupAction.Kind.ARCHIVED)).isEqualTo(1);
        assertThat(retained.archivedBundle(release.sha256())).isPresent();
    }

    @Test
    void aBundleThatAnotherActiveSealSharesKeepsItsActiveCopyUntilThatSealIsArchivedToo() {
        byte[] bytes = Seals.bundleBytes("shared");
        Seals.Seal first = seals.seal("rel-" + UUID.randomUUID(), 1, Seals.RELEASE, SEALED_AT, bytes);
        Seals.Seal second = seals.seal("rel-" + UUID.randomUUID(), 1, Seals.RELEASE, SEALED_AT.plus(Duration.ofDays(30)), bytes);

        runAt(SEALED_AT.plus(Duration.ofDays(91)));

        assertThat(retained.statusOf(first.subject(), 1)).contains(RetentionStatus.ARCHIVED);
        assertThat(retained.statusOf(second.subject(), 1)).contains(RetentionStatus.ACTIVE);
        assertThat(seals.activeBlob(first.sha256())).as("the active copy the second seal still needs").isPresent();
        assertThat(retained.archivedBundle(first.sha256())).isPresent();

        runAt(SEALED_AT.plus(Duration.ofDays(121)));

        assertThat(retained.statusOf(second.subject(), 1)).contains(RetentionStatus.ARCHIVED);
        assertThat(seals.activeBlob(first.sha256())).isEmpty();

        runAt(SEALED_AT.plus(Duration.ofDays(90 + 1095)));

        assertThat(retained.statusOf(first.subject(), 1)).contains(RetentionStatus.DELETED);
        assertThat(retained.archivedBundle(first.sha256())).as("the archived copy the second seal still needs").isPresent();

        runAt(SEALED_AT.plus(Duration.ofDays(30 + 90 + 1095)));

        assertThat(retained.statusOf(second.subject(), 1)).contains(RetentionStatus.DELETED);
        assertThat(archive.holds(first.sha256())).isFalse();
    }

    @Test
    void aBundleWhoseActiveBytesWereAlteredStaysWhereItIsAndTheOthersAreStillArchived() {
        Seals.Seal altered = seals.seal("rel-" + UUID.randomUUID(), 1, Seals.RELEASE, SEALED_AT, Seals.bundleBytes("altered"));
        Seals.Seal intact = seals.seal("rel-" + UUID.randomUUID(), 1, Seals.RELEASE, SEALED_AT, Seals.bundleBytes("intact"));
        seals.replaceActiveBlob(altered.sha256(), "tampered".getBytes(StandardCharsets.UTF_8));

        List<CleanupAction> applied = runAt(SEALED_AT.plus(Duration.ofDays(91)));

        assertThat(actionsOn(applied, altered)).isEmpty();
        assertThat(retained.statusOf(altered.subject(), 1)).contains(RetentionStatus.ACTIVE);
        assertThat(archive.holds(altered.sha256())).isFalse();
        assertThat(actionsOn(applied, intact)).hasSize(1);
    }

    @Test
    void twoInstancesRunningAtOnceTakeEachActionOnce() throws Exception {
        List<Seals.Seal> due = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            due.add(seals.seal("rel-" + UUID.randomUUID(), 1, Seals.RELEASE, SEALED_AT, Seals.bundleBytes("concurrent " + i)));
        }
        clock.set(SEALED_AT.plus(Duration.ofDays(91)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<List<CleanupAction>>> runs = List.of(
                    CompletableFuture.supplyAsync(() -> runAfter(start), instances),
                    CompletableFuture.supplyAsync(() -> runAfter(start), instances));
            start.countDown();
            List<CleanupAction> applied = new ArrayList<>();
            for (CompletableFuture<List<CleanupAction>> run : runs) {
                applied.addAll(run.get(60, TimeUnit.SECONDS));
            }

            for (Seals.Seal seal : due) {
                assertThat(actionsOn(applied, seal)).as("actions on " + seal.subject()).hasSize(1);
                assertThat(seals.actionsRecorded(seal, CleanupAction.Kind.ARCHIVED)).isEqualTo(1);
                assertThat(retained.archivedBundle(seal.sha256())).isPresent();
                assertThat(seals.activeBlob(seal.sha256())).isEmpty();
            }
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void aDamagedArchiveFileIsNamedNotServed() throws IOException {
        Seals.Seal release = seals.seal("rel-" + UUID.randomUUID(), 1, Seals.RELEASE, SEALED_AT, Seals.bundleBytes("damaged"));
        runAt(SEALED_AT.plus(Duration.ofDays(91)));
        Files.write(archive.fileOf(release.sha256()), "truncated".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> retained.archivedBundle(release.sha256())).isInstanceOf(DamagedArchive.class)
                .hasMessageContaining(release.sha256() + ".zip");
        assertThatThrownBy(() -> retained.archivedBundle("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubjectWithoutSealedEvidenceHasNoCleanupLog() {
        given().get("/v1/evidence/nothing-sealed/cleanup-log.json").then().statusCode(404)
                .body("severity", equalTo("INFO"))
                .body("failed", equalTo("evidence cleanup log"));
    }

    @Test
    void aSealedSubjectThatRetentionHasNotTouchedHasAnEmptyCleanupLog() {
        Seals.Seal incident = seals.seal("inc-" + UUID.randomUUID(), 1, Seals.INCIDENT, SEALED_AT, Seals.bundleBytes("untouched"));

        given().get("/v1/evidence/" + incident.subject() + "/cleanup-log.json").then().statusCode(200)
                .body("subject", equalTo(incident.subject()))
                .body("actions", equalTo(List.of()));
    }

    private List<CleanupAction> runAt(Instant at) {
        clock.set(at);
        return job.run();
    }

    private List<CleanupAction> runAfter(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return job.run();
    }

    private static List<CleanupAction> actionsOn(List<CleanupAction> actions, Seals.Seal seal) {
        return actions.stream().filter(a -> a.subject().equals(seal.subject()) && a.seal() == seal.seal()).toList();
    }
}
