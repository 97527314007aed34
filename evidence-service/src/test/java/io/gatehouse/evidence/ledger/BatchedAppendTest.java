package io.gatehouse.evidence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.events.AlertReceived;
import io.gatehouse.events.AlertStatus;
import io.gatehouse.events.GateEvaluated;
import io.gatehouse.events.GateOutcome;
import io.gatehouse.events.GateStanding;
import io.gatehouse.events.IncidentMarkedFalsePositive;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.events.IncidentResolved;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseDecision;
import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.infra.kafka.KafkaBrokerResource;
import io.gatehouse.infra.postgres.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Appending a batch is appending its events one by one: the same events, appended one per transaction and then in
 * batches of mixed sizes whose boundaries fall before, on and after the final points, leave the same entries, subtrees,
 * head, checkpoints, seals, bundles and outbox (the order announced on gatehouse.ledger and gatehouse.evidence), byte for
 * byte. Only the wall-clock columns (recorded_at, signed_at, published_at) may differ.
 */
@QuarkusTest
@TestProfile(BatchedAppendTest.LedgerToItself.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(EmbeddedPostgresResource.class)
class BatchedAppendTest {

    /**
     * Nothing but the test appends: the consumer starts past every record already on the topics, and no checkpoint is
     * signed on a timer (its sizes would depend on timing), only at the seals.
     */
    public static class LedgerToItself implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.domain-events-in.group.id", "evidence-batched-append-test",
                    "mp.messaging.incoming.domain-events-in.auto.offset.reset", "latest",
                    "gatehouse.ledger.checkpoint-interval", "24h");
        }
    }

    private static final Instant T0 = Instant.parse("2026-11-21T14:00:00Z");
    private static final String POLICY_14 = "9f2c1a7e5b3d4c6f8e0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a";
    private static final int[] BATCH_SIZES = {1, 7, 500, 64, 3, 250, 2, 129};

    @Inject
    Ledger ledger;

    @Inject
    DataSource dataSource;

    @AfterEach
    void emptyTheLedger() throws SQLException {
        reset();
    }

    @Test
    void aBatchLeavesExactlyWhatItsEventsAppendedOneByOneLeave() throws SQLException {
        List<Ledger.Recording> log = log();

        reset();
        for (Ledger.Recording recording : log) {
            QuarkusTransaction.requiringNew().run(() -> ledger.append(List.of(recording)));
        }
        String oneByOne = snapshot();

        reset();
        for (int from = 0, n = 0; from < log.size(); n++) {
            List<Ledger.Recording> batch = log.subList(from, Math.min(log.size(), from + BATCH_SIZES[n % BATCH_SIZES.length]));
            QuarkusTransaction.requiringNew().run(() -> ledger.append(batch));
            from += batch.size();
        }
        String batched = snapshot();

        assertThat(oneByOne).contains("sealed_bundle: inc-resolved|1|17", "sealed_bundle: inc-false-positive|1|17",
                "sealed_bundle: release-no-go|1|14", "sealed_bundle: release-no-go|2|14");
        assertThat(count("ledger_entry")).isEqualTo(log.size() - 3);
        assertThat(batched).isEqualTo(oneByOne);
    }

    /**
     * About 1,100 events: alerts of 100 groups with two incidents and a release between them, the release decided twice
     * (sealed twice), and three events delivered a second time, one of them within a few events of its first delivery.
     */
    private static List<Ledger.Recording> log() {
        List<Ledger.Recording> stories = new ArrayList<>();
        stories.addAll(resolvedIncident("inc-resolved", T0.plusSeconds(10)));
        stories.addAll(falsePositiveIncident("inc-false-positive", T0.plusSeconds(20)));
        stories.addAll(release("release-no-go", T0.plusSeconds(30)));
        List<Ledger.Recording> log = new ArrayList<>();
        int alert = 0;
        for (Ledger.Recording story : stories) {
            for (int i = 0; i < 120; i++, alert++) {
                log.add(alert(alert));
            }
            log.add(story);
        }
        log.add(log.get(log.size() - 3));
        log.add(log.get(5));
        log.add(log.get(700));
        for (int i = 0; i < 100; i++, alert++) {
            log.add(alert(alert));
        }
        return log;
    }

    private static Ledger.Recording alert(int n) {
        String service = "service-" + (n % 100);
        Instant at = T0.plusMillis(n);
        AlertReceived alert = AlertReceived.newBuilder().setAlertId(String.format(Locale.ROOT, "%016x", n)).setSource("alertmanager")
                .setStatus(AlertStatus.FIRING).setAlertName("HighErrorRate").setService(service)
                .setLabels(Map.of("alertname", "HighErrorRate", "service", service))
                .setAnnotations(Map.of("summary", "5xx above 2 % for 5 minutes")).setStartsAt(at).setReceivedAt(at)
                .setInboundRecord("alerts.inbound/0@" + n).build();
        return event(Topics.ALERTS, "/gatehouse/intake-service", service + "/HighErrorRate", at, alert, n);
    }

    private static List<Ledger.Recording> resolvedIncident(String incidentId, Instant openedAt) {
        return List.of(
                incident(incidentId, openedAt, opened(incidentId, openedAt)),
                incident(incidentId, openedAt.plusSeconds(3600), IncidentResolved.newBuilder().setIncidentId(incidentId).setResolvedBy("alice")
                        .setSummary("A bad checkout release was rolled back.").setSloRestored(true).setAlertsCleared(true)
                        .setFollowUps(List.of("Add a canary stage for checkout")).setResolvedAt(openedAt.plusSeconds(3600)).build()),
                incident(incidentId, openedAt.plusSeconds(3601), GateEvaluated.newBuilder().setSubject(incidentId).setProtocol(17).setGate(4)
                        .setName("Resolution & documentation").setOutcome(GateOutcome.PASSED)
                        .setMetrics(Map.of("documentationCompleteness", 1.0)).setThresholds(Map.of("documentationCompleteness", ">= 0.95"))
                        .setUnmetConditions(List.of()).setPolicyVersion("17.yaml@3").setEvidenceEventIds(List.of())
                        .setEvaluatedAt(openedAt.plusSeconds(3601)).build()));
    }

    private static List<Ledger.Recording> falsePositiveIncident(String incidentId, Instant openedAt) {
        return List.of(
                incident(incidentId, openedAt, opened(incidentId, openedAt)),
                incident(incidentId, openedAt.plusSeconds(300), IncidentMarkedFalsePositive.newBuilder().setIncidentId(incidentId)
                        .setMarkedBy("bob").setReason("a load test, announced in #releases").setMarkedAt(openedAt.plusSeconds(300)).build()));
    }

    private static List<Ledger.Recording> release(String releaseId, Instant registeredAt) {
        ReleaseRegistered registered = ReleaseRegistered.newBuilder().setReleaseId(releaseId).setService("checkout").setVersion(releaseId)
                .setStagingEnvironment("staging-eu").setProductionEnvironment("production-eu").setRtoMinutes(10).setPreviousRelease(null)
                .setRequiredArtifacts(List.of("QUALITY-AUDIT-PACKAGE.zip")).setRequiredApprovals(List.of("readiness"))
                .setExpectedDifferences(List.of("db.host")).setPolicyVersion(POLICY_14).setRegisteredBy("ci").setRegisteredAt(registeredAt).build();
        List<GateStanding> gates = new ArrayList<>();
        for (int gate = 1; gate <= 4; gate++) {
            gates.add(GateStanding.newBuilder().setGate(gate).setOutcome(GateOutcome.NOT_EVALUATED).build());
        }
        List<Ledger.Recording> events = new ArrayList<>();
        events.add(event(Topics.RELEASES, "/gatehouse/rehearsal-service", releaseId, registeredAt, registered, 0));
        for (int decision = 1; decision <= 2; decision++) {
            Instant decidedAt = registeredAt.plusSeconds(decision);
            events.add(event(Topics.RELEASES, "/gatehouse/rehearsal-service", releaseId, decidedAt, ReleaseDecided.newBuilder()
                    .setRelease(releaseId).setDecision(ReleaseDecision.NO_GO).setReasons(List.of("gate 1: QUALITY-AUDIT-PACKAGE.zip has not arrived"))
                    .setGates(gates).setPolicyVersion(POLICY_14).setEvidenceEventIds(List.of()).setDecidedAt(decidedAt).build(), decision));
        }
        return events;
    }

    private static IncidentOpened opened(String incidentId, Instant openedAt) {
        return IncidentOpened.newBuilder().setIncidentId(incidentId).setGroupingKey("checkout:CheckoutHighErrorRate").setService("checkout")
                .setAlertName("CheckoutHighErrorRate").setTitle("Checkout 5xx error rate above threshold").setOpenedAt(openedAt)
                .setOpeningAlertId("7e163a67800d46bf").setOpeningEventId("alert-" + incidentId).build();
    }

    private static Ledger.Recording incident(String incidentId, Instant at, SpecificRecord body) {
        return event(Topics.INCIDENTS, "/gatehouse/incident-service", incidentId, at, body, 0);
    }

    private static Ledger.Recording event(String topic, String source, String subject, Instant at, SpecificRecord body, long offset) {
        String id = CloudEvent.deriveId(subject, body.getSchema().getFullName(), at.toString());
        return new Ledger.Recording(CloudEvent.of(body, id, source, subject, at), body, EventCodec.encode(body),
                new Ledger.Origin(topic, 0, offset));
    }

    /** Every row the ledger, the tree, the checkpoints, the seals and the outbox hold, but the wall-clock columns. */
    private String snapshot() throws SQLException {
        return rows("ledger_head", "select * from ledger_head")
                + rows("ledger_entry", "select seq, event_id, topic, kafka_partition, kafka_offset, subject, event_type, source, event_time,"
                        + " canonical, event_sha256, leaf_hash, previous_hash, entry_hash from ledger_entry order by seq")
                + rows("merkle_subtree", "select level, idx, hash from merkle_subtree order by level, idx")
                + rows("ledger_checkpoint", "select tree_size, root_hash, note from ledger_checkpoint order by tree_size")
                + rows("sealed_bundle", "select subject, seal, protocol, trigger_event_id, trigger_leaf_index, tree_size, bundle_name,"
                        + " bundle_sha256, size_bytes, sealed_at, retention_status from sealed_bundle order by tree_size, subject")
                + rows("evidence_blob", "select sha256, bytes from evidence_blob order by sha256")
                + rows("outbox_event", "select event_id, topic, event_key, event_type, source, subject, event_time, payload from outbox_event order by seq");
    }

    private String rows(String table, String query) throws SQLException {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                rows.append(table).append(": ");
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    Object value = result.getObject(c);
                    rows.append(c > 1 ? "|" : "").append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value));
                }
                rows.append('\n');
            }
        }
        return rows.toString();
    }

    private long count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void reset() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("truncate ledger_entry, merkle_subtree, ledger_checkpoint, retention_action, sealed_bundle, evidence_blob, outbox_event");
            statement.execute("update ledger_head set seq = 0, entry_hash = repeat('0', 64)");
        }
    }
}
