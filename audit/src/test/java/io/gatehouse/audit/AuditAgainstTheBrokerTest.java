package io.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.audit.bench.DomainEvent;
import io.gatehouse.audit.bench.KafkaLogWriter;
import io.gatehouse.audit.bench.LedgerPublisher;
import io.gatehouse.audit.bench.LedgerStandIn;
import io.gatehouse.audit.bench.ScratchTopics;
import io.gatehouse.audit.bench.SyntheticEvents;
import io.gatehouse.audit.live.LiveEntry;
import io.gatehouse.audit.log.Address;
import io.gatehouse.audit.log.AuditedTopics;
import io.gatehouse.audit.log.LogReader;
import io.gatehouse.audit.log.ReadProgress;
import io.gatehouse.audit.replay.Replay;
import io.gatehouse.events.EvidenceManifestSealed;
import io.gatehouse.events.LedgerEntrySequenced;
import io.gatehouse.events.SealedFile;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.evidence.log.MerkleHashes;
import io.gatehouse.evidence.log.NoteKey;
import io.gatehouse.evidence.sealed.SealedBundle;
import io.gatehouse.infra.kafka.KafkaBrokerProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool against a real broker: a synthetic log written as Gatehouse writes it (domain events, their sequence, a
 * checkpoint signed with a test key, seals), replayed, verified and tampered with.
 */
class AuditAgainstTheBrokerTest {

    private static final NoteKey LOG_KEY = NoteKey.generate("gatehouse.test/ledger");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private KafkaBrokerProcess broker;
    private String bootstrap;
    private Path publicKey;
    private KafkaLogWriter writer;
    private LedgerPublisher ledger;
    private final List<SealedBundle> seals = new ArrayList<>();
    private SealedBundle unpublishedSeal;

    @BeforeEach
    void aLogWrittenAsGatehouseWritesIt() throws IOException {
        broker = KafkaBrokerProcess.start(dir.resolve("kafka"));
        bootstrap = broker.bootstrapServers();
        ScratchTopics.prepare(bootstrap);
        publicKey = Files.writeString(dir.resolve("public-key"), LOG_KEY.verifierKey() + "\n");
        writer = new KafkaLogWriter(bootstrap);
        ledger = new LedgerPublisher(writer, LOG_KEY);
        for (SealedBundle seal : record(SyntheticEvents.log(60))) {
            ledger.publishSeal(seal.manifestSealedEvent(), seal.bundleBuiltEvent());
            seals.add(seal);
        }
        // evidence-service has not sealed this incident's final point yet.
        unpublishedSeal = record(SyntheticEvents.falsePositiveIncident("inc-fp", SyntheticEvents.T0)).get(0);
        ledger.checkpoint();
        writer.flush();
    }

    @AfterEach
    void stopTheBroker() {
        writer.close();
        broker.close();
    }

    @Test
    void theLogReplaysIntoAnEmptyStoreIdenticallyAndTheLiveTreeVerifiesAgainstIt() throws IOException {
        Run replay = run("replay", "--bootstrap-servers", bootstrap, "--out", dir.resolve("replay").toString(), "--public-key", publicKey.toString());

        assertThat(replay.status()).as(replay.err()).isZero();
        assertThat(replay.out()).isEqualTo("IDENTICAL\n");
        assertThat(replay.err()).contains("read ").contains("records/s").contains("IDENTICAL: everything rebuilt");
        JsonNode tree = JSON.readTree(dir.resolve("replay").resolve(Replay.TREE).toFile());
        assertThat(tree.get("size").asLong()).isEqualTo(63);
        assertThat(tree.get("rootHash").asText()).isEqualTo(HexFormat.of().formatHex(ledger.tree().tree().root(63)));
        for (SealedBundle seal : seals) {
            assertThat(dir.resolve("replay").resolve(Replay.bundleFile(seal))).hasBinaryContent(seal.zip());
        }
        JsonNode report = JSON.readTree(dir.resolve("replay").resolve(Replay.REPORT).toFile());
        assertThat(report.get("identical").asBoolean()).isTrue();
        assertThat(report.get("seals")).hasSize(2);
        assertThat(report.at("/lag/unsealedFinalPoints/0/subject").asText()).isEqualTo("inc-fp");

        Run again = run("replay", "--bootstrap-servers", bootstrap, "--out", dir.resolve("again").toString(), "--public-key", publicKey.toString());
        assertThat(again.status()).isZero();
        assertThat(dir.resolve("again").resolve(Replay.REPORT)).hasSameBinaryContentAs(dir.resolve("replay").resolve(Replay.REPORT));
        assertThat(dir.resolve("again").resolve(Replay.TREE)).hasSameBinaryContentAs(dir.resolve("replay").resolve(Replay.TREE));

        try (LedgerStandIn live = new LedgerStandIn(ledger.entries(), ledger.latestNote(), LOG_KEY.verifierKey())) {
            Run verify = run("verify", "--bootstrap-servers", bootstrap, "--evidence-url", live.url(), "--public-key", publicKey.toString());
            assertThat(verify.status()).as(verify.err()).isZero();
            assertThat(verify.out()).isEqualTo("INTACT\n");
        }

        SealedBundle incident = seals.stream().filter(s -> s.protocol() == 17).findFirst().orElseThrow();
        Run bundle = run("verify-bundle", dir.resolve("replay").resolve(Replay.bundleFile(incident)).toString(), "--public-key", publicKey.toString());
        assertThat(bundle.status()).as(bundle.out()).isZero();
        assertThat(bundle.out()).contains("INTACT");
    }

    @Test
    void aReplayWritesNothingToTheBrokerAndTheBenchRefusesABrokerHoldingALog() throws Exception {
        long recordsBefore = recordsOnTheBroker();
        Set<String> topicsBefore = topicsOnTheBroker();

        run("replay", "--bootstrap-servers", bootstrap, "--out", dir.resolve("replay").toString(), "--public-key", publicKey.toString());

        assertThat(recordsOnTheBroker()).isEqualTo(recordsBefore);
        assertThat(topicsOnTheBroker()).isEqualTo(topicsBefore).doesNotContain("__consumer_offsets");
        assertThatThrownBy(() -> ScratchTopics.prepare(bootstrap)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("give it a scratch broker");
    }

    @Test
    void tamperingWithTheSequenceOrASealIsNamed() {
        LedgerEntrySequenced leaf3 = sequenced(3);
        publish(Topics.LEDGER, "gatehouse.test/ledger", LedgerEntrySequenced.newBuilder(leaf3).setLeafHash("ab".repeat(32)).build());
        EvidenceManifestSealed manifest = unpublishedSeal.manifestSealedEvent();
        List<SealedFile> files = new ArrayList<>(manifest.getFiles());
        int report = files.indexOf(files.stream().filter(f -> f.getName().equals("evidence-manifest.json")).findFirst().orElseThrow());
        files.set(report, SealedFile.newBuilder(files.get(report)).setSha256("00".repeat(32)).build());
        ledger.publishSeal(EvidenceManifestSealed.newBuilder(manifest).setFiles(files).build(), unpublishedSeal.bundleBuiltEvent());
        writer.flush();

        Run replay = run("replay", "--bootstrap-servers", bootstrap, "--out", dir.resolve("replay").toString(), "--public-key", publicKey.toString());

        assertThat(replay.status()).isEqualTo(1);
        assertThat(replay.out()).isEqualTo("DIFFERENT\n");
        assertThat(replay.err()).contains("DIFFERENT: 2 difference(s)")
                .contains("leaf 3: sequenced twice, differently")
                .contains("seal 1 of inc-fp: evidence-manifest.json: sealed with SHA-256 " + "00".repeat(32));
    }

    @Test
    void aLiveEntryWithAFlippedByteIsNamedByVerify() {
        List<LiveEntry> entries = new ArrayList<>(ledger.entries());
        LiveEntry entry = entries.get(5);
        byte[] flipped = entry.canonical().clone();
        flipped[flipped.length / 2] ^= 0x01;
        entries.set(5, new LiveEntry(5, entry.eventId(), entry.subject(), entry.topic(), entry.partition(), entry.offset(),
                MerkleHashes.leafHex(flipped), flipped));

        try (LedgerStandIn live = new LedgerStandIn(entries, ledger.latestNote(), LOG_KEY.verifierKey())) {
            Run verify = run("verify", "--bootstrap-servers", bootstrap, "--evidence-url", live.url(), "--public-key", publicKey.toString());

            assertThat(verify.status()).isEqualTo(1);
            assertThat(verify.out()).isEqualTo("NOT INTACT\n");
            assertThat(verify.err()).contains("FIRST BAD LEAF: leaf 5 ALTERED: event " + entry.eventId() + " is stored with other bytes");
        }
    }

    private List<SealedBundle> record(List<DomainEvent> events) {
        List<CompletableFuture<Address>> written = new ArrayList<>();
        events.forEach(e -> written.add(writer.write(e.topic(), e.attributes(), e.value())));
        writer.flush();
        List<SealedBundle> sealed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ledger.record(events.get(i), written.get(i).join()).ifPresent(sealed::add);
        }
        return sealed;
    }

    private LedgerEntrySequenced sequenced(long leafIndex) {
        LiveEntry entry = ledger.entries().get((int) leafIndex);
        return LedgerEntrySequenced.newBuilder().setOrigin("gatehouse.test/ledger").setLeafIndex(leafIndex).setEventId(entry.eventId())
                .setSubject(entry.subject()).setTopic(entry.topic()).setPartition(entry.partition()).setOffset(entry.offset())
                .setLeafHash(entry.leafHash()).build();
    }

    private void publish(String topic, String subject, SpecificRecord event) {
        writer.write(topic, CloudEvent.of(event, CloudEvent.deriveId("tampered", event.toString()), "/somebody", subject, SyntheticEvents.T0),
                EventCodec.encode(event));
    }

    private long recordsOnTheBroker() {
        List<String> topics = new ArrayList<>(AuditedTopics.DOMAIN);
        topics.addAll(List.of(Topics.LEDGER, Topics.EVIDENCE));
        return LogReader.read(bootstrap, topics, ReadProgress.NONE).recordCount();
    }

    private Set<String> topicsOnTheBroker() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
