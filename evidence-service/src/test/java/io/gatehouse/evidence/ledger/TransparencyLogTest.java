package io.gatehouse.evidence.ledger;

import static io.gatehouse.evidence.IncidentEvents.OPENED_AT;
import static io.gatehouse.evidence.IncidentEvents.WAIT;
import static io.gatehouse.evidence.IncidentEvents.attributes;
import static io.gatehouse.evidence.IncidentEvents.awaitManifest;
import static io.gatehouse.evidence.IncidentEvents.opened;
import static io.gatehouse.evidence.IncidentEvents.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.LedgerCheckpointSigned;
import io.gatehouse.events.LedgerEntrySequenced;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.evidence.log.CanonicalEvent;
import io.gatehouse.evidence.log.Checkpoint;
import io.gatehouse.evidence.log.MerkleHashes;
import io.gatehouse.evidence.log.MerkleTree;
import io.gatehouse.evidence.log.NoteKey;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.kafka.TopicReader;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The ledger as a transparency log, checked the way an outside verifier would: only with the published key, the
 * signed checkpoint and RFC 9162 proofs. The order of the tree is on gatehouse.ledger; a tail removed or a checkpoint
 * forged under it is named by the verification.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
class TransparencyLogTest {

    private static final HexFormat HEX = HexFormat.of();

    private final String bootstrap = KafkaBrokerResource.bootstrapServers();

    @Inject
    DataSource dataSource;

    @Test
    void everyLeafIsProvenAgainstTheSignedCheckpointWithThePublishedKeyAlone() {
        String incidentId = "inc-" + UUID.randomUUID();
        List<CloudEvent> published = new ArrayList<>();
        IncidentOpened opened = opened(incidentId);
        for (int i = 0; i < 5; i++) {
            CloudEvent event = attributes(opened, incidentId, OPENED_AT.plusSeconds(i));
            publish(event, opened);
            published.add(event);
        }
        JsonPath manifest = awaitManifest(incidentId, 5);
        long lastLeaf = manifest.getLong("events[4].seq") - 1;

        NoteKey key = NoteKey.parseVerifier(given().get("/v1/evidence/ledger/public-key").then().statusCode(200).extract().asString());
        Checkpoint checkpoint = await().atMost(WAIT).until(() -> Checkpoint.open(latestNote(), key).filter(c -> c.size() > lastLeaf).orElse(null),
                c -> c != null);

        for (int i = 0; i < published.size(); i++) {
            long leaf = manifest.getLong("events[" + i + "].seq") - 1;
            JsonPath proof = given().queryParam("leaf", leaf).queryParam("size", checkpoint.size())
                    .get("/v1/evidence/ledger/proofs/inclusion").then().statusCode(200).extract().jsonPath();
            byte[] leafHash = MerkleHashes.leaf(CanonicalEvent.of(published.get(i), EventCodec.encode(opened)));
            assertThat(proof.getString("leafHash")).isEqualTo(HEX.formatHex(leafHash));
            assertThat(MerkleTree.verifyInclusion(leaf, checkpoint.size(), leafHash, hashes(proof.getList("hashes", String.class)),
                    checkpoint.rootHash())).as("leaf %d", leaf).isTrue();
        }
        given().queryParam("leaf", checkpoint.size()).queryParam("size", checkpoint.size()).get("/v1/evidence/ledger/proofs/inclusion")
                .then().statusCode(400).body("failed", equalTo("ledger proof"));
    }

    @Test
    void laterCheckpointsAreProvenConsistentWithEarlierOnes() {
        NoteKey key = NoteKey.parseVerifier(given().get("/v1/evidence/ledger/public-key").then().extract().asString());
        String incidentId = "inc-" + UUID.randomUUID();
        IncidentOpened opened = opened(incidentId);
        publish(attributes(opened, incidentId, OPENED_AT), opened);
        awaitManifest(incidentId, 1);
        Checkpoint earlier = await().atMost(WAIT).until(() -> Checkpoint.open(latestNote(), key).orElse(null), c -> c != null);

        publish(attributes(opened, incidentId, OPENED_AT), opened);
        publish(attributes(opened, incidentId, OPENED_AT), opened);
        awaitManifest(incidentId, 3);
        Checkpoint later = await().atMost(WAIT).until(() -> Checkpoint.open(latestNote(), key).orElse(null), c -> c != null && c.size() > earlier.size());

        JsonPath proof = given().queryParam("from", earlier.size()).queryParam("to", later.size()).get("/v1/evidence/ledger/proofs/consistency")
                .then().statusCode(200).body("from", equalTo((int) earlier.size())).extract().jsonPath();
        assertThat(MerkleTree.verifyConsistency(earlier.size(), later.size(), earlier.rootHash(), later.rootHash(),
                hashes(proof.getList("hashes", String.class)))).isTrue();
    }

    @Test
    void theOrderOfTheTreeAndItsCheckpointsArePublishedOnTheLedgerTopic() {
        String incidentId = "inc-" + UUID.randomUUID();
        IncidentOpened opened = opened(incidentId);
        CloudEvent event = attributes(opened, incidentId, OPENED_AT);
        try (TopicReader ledgerTopic = new TopicReader(bootstrap, Topics.LEDGER)) {
            publish(event, opened);
            long leaf = awaitManifest(incidentId, 1).getLong("events[0].seq") - 1;

            LedgerEntrySequenced sequenced = (LedgerEntrySequenced) EventCodec.decode(ledgerTopic.await(1,
                    r -> event.id().equals(decodedEventId(r.value())), WAIT).get(0).value());
            assertThat(sequenced.getLeafIndex()).isEqualTo(leaf);
            assertThat(sequenced.getTopic()).isEqualTo(Topics.INCIDENTS);
            assertThat(sequenced.getLeafHash()).isEqualTo(MerkleHashes.leafHex(CanonicalEvent.of(event, EventCodec.encode(opened))));
            LedgerCheckpointSigned checkpoint = (LedgerCheckpointSigned) EventCodec.decode(ledgerTopic.await(1,
                    r -> EventCodec.decode(r.value()) instanceof LedgerCheckpointSigned c && c.getTreeSize() > leaf, WAIT).get(0).value());
            assertThat(checkpoint.getNote()).startsWith(checkpoint.getOrigin() + "\n" + checkpoint.getTreeSize() + "\n");
        }
    }

    @Test
    void aTailRemovedUnderASignedCheckpointOrAForgedCheckpointIsNamed() throws SQLException {
        String incidentId = "inc-" + UUID.randomUUID();
        IncidentOpened opened = opened(incidentId);
        publish(attributes(opened, incidentId, OPENED_AT), opened);
        long seq = awaitManifest(incidentId, 1).getLong("events[0].seq");
        await().atMost(WAIT).until(() -> given().get("/v1/evidence/ledger/verification").then().extract().jsonPath(),
                v -> v.getBoolean("intact") && v.getLong("checkpointTreeSize") >= seq);

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("create table removed_tail as select * from ledger_entry where seq >= " + seq);
            try {
                // Appends wait on the head row meanwhile, so no entry lands between removing and restoring the tail.
                connection.setAutoCommit(false);
                sql.executeQuery("select seq from ledger_head where id = 1 for update");
                sql.executeUpdate("delete from ledger_entry where seq >= " + seq);
                connection.commit();
                given().get("/v1/evidence/ledger/verification").then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("firstBadSeq", equalTo((int) seq))
                        .body("problem", startsWith("the ledger ends at entry " + (seq - 1) + " but a checkpoint was signed for "));
            } finally {
                sql.executeUpdate("insert into ledger_entry select * from removed_tail");
                sql.executeUpdate("drop table removed_tail");
                connection.commit();
            }
        }
        given().get("/v1/evidence/ledger/verification").then().body("intact", equalTo(true));

        NoteKey forger = NoteKey.generate(NoteKey.parseVerifier(given().get("/v1/evidence/ledger/public-key").then().extract().asString()).name());
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.executeQuery("select seq from ledger_head where id = 1 for update");
            var latest = sql.executeQuery("select tree_size, root_hash, note from ledger_checkpoint order by tree_size desc limit 1");
            latest.next();
            long size = latest.getLong(1);
            String note = latest.getString(3);
            String forged = new Checkpoint(forger.name(), size, HEX.parseHex(latest.getString(2))).sign(forger);
            setNote(connection, size, forged);
            try {
                given().get("/v1/evidence/ledger/verification").then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("problem", startsWith("the latest checkpoint (size " + size + ") is not signed by the log's key"));
            } finally {
                setNote(connection, size, note);
            }
        }
    }

    private static String latestNote() {
        var response = given().get("/v1/evidence/ledger/checkpoint");
        return response.statusCode() == 200 ? response.asString() : "";
    }

    private static List<byte[]> hashes(List<String> hex) {
        return hex.stream().map(HEX::parseHex).toList();
    }

    private static String decodedEventId(byte[] value) {
        return EventCodec.decode(value) instanceof LedgerEntrySequenced s ? s.getEventId() : null;
    }

    private static void setNote(Connection connection, long size, String note) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update ledger_checkpoint set note = ? where tree_size = ?")) {
            update.setString(1, note);
            update.setLong(2, size);
            update.executeUpdate();
            connection.commit();
        }
    }
}
