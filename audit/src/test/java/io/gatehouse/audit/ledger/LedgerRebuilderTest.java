package io.gatehouse.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.MemoryLog;
import io.gatehouse.audit.bench.DomainEvent;
import io.gatehouse.audit.bench.LedgerPublisher;
import io.gatehouse.audit.bench.SyntheticEvents;
import io.gatehouse.audit.log.Address;
import io.gatehouse.events.LedgerCheckpointSigned;
import io.gatehouse.events.LedgerEntrySequenced;
import io.gatehouse.events.Topics;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.events.codec.EventCodec;
import io.gatehouse.evidence.log.Checkpoint;
import io.gatehouse.evidence.log.NoteKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class LedgerRebuilderTest {

    private static final NoteKey LOG_KEY = NoteKey.generate("gatehouse.test/ledger");

    private final MemoryLog log = new MemoryLog();
    private final LedgerPublisher ledger = new LedgerPublisher(log, LOG_KEY);
    private final List<LedgerEntrySequenced> sequenced = new ArrayList<>();

    @Test
    void theLogRebuildsTheTreeEvidenceServiceBuilt() {
        record(SyntheticEvents.alerts(5, SyntheticEvents.T0));
        record(SyntheticEvents.resolvedIncident("inc-1", SyntheticEvents.T0));
        ledger.checkpoint();

        RebuiltLedger rebuilt = LedgerRebuilder.rebuild(log.snapshot(), LOG_KEY);

        assertThat(rebuilt.differences()).isEmpty();
        assertThat(rebuilt.leaves()).hasSize(9).allSatisfy(leaf -> assertThat(leaf.rebuilt()).isTrue());
        assertThat(rebuilt.tree().tree().root(9)).isEqualTo(ledger.tree().tree().root(9));
        assertThat(rebuilt.origin()).isEqualTo("gatehouse.test/ledger");
        // Signed at the incident's final point, and once more at the end over the same tree: the same note, counted once.
        assertThat(rebuilt.checkpoints()).extracting(LogCheckpoint::size).containsExactly(9L);
        assertThat(rebuilt.unrecorded()).isZero();
    }

    @Test
    void aSequencingRecordTheRelayPublishedTwiceCountsOnce() {
        record(SyntheticEvents.alerts(3, SyntheticEvents.T0));
        publishOnTheLedger(sequenced.get(1));

        RebuiltLedger rebuilt = LedgerRebuilder.rebuild(log.snapshot(), LOG_KEY);

        assertThat(rebuilt.differences()).isEmpty();
        assertThat(rebuilt.leaves()).hasSize(3);
    }

    @Test
    void aSecondDifferentSequencingRecordForALeafIsNamed() {
        record(SyntheticEvents.alerts(3, SyntheticEvents.T0));
        LedgerEntrySequenced forged = LedgerEntrySequenced.newBuilder(sequenced.get(1)).setLeafHash("ab".repeat(32)).build();
        publishOnTheLedger(forged);

        RebuiltLedger rebuilt = LedgerRebuilder.rebuild(log.snapshot(), LOG_KEY);

        assertThat(rebuilt.differences()).singleElement().satisfies(d -> {
            assertThat(d.where()).isEqualTo("leaf 1");
            assertThat(d.what()).startsWith("sequenced twice, differently").contains("ab".repeat(32));
        });
    }

    @Test
    void aLeafWhoseSequencedHashIsNotItsRecordsIsNamed() {
        List<DomainEvent> alerts = SyntheticEvents.alerts(3, SyntheticEvents.T0);
        Address address = write(alerts.get(0));
        publishOnTheLedger(LedgerEntrySequenced.newBuilder().setOrigin("gatehouse.test/ledger").setLeafIndex(0).setEventId(alerts.get(0).attributes().id())
                .setSubject(alerts.get(0).attributes().subject()).setTopic(address.topic()).setPartition(address.partition())
                .setOffset(address.offset()).setLeafHash("cd".repeat(32)).build());

        RebuiltLedger rebuilt = LedgerRebuilder.rebuild(log.snapshot(), LOG_KEY);

        assertThat(rebuilt.differences()).singleElement().satisfies(d -> {
            assertThat(d.where()).isEqualTo("leaf 0");
            assertThat(d.what()).contains("but the sequence records " + "cd".repeat(32));
        });
    }

    @Test
    void aLeafWhoseRecordIsNotInTheLogIsNamed() {
        record(SyntheticEvents.alerts(2, SyntheticEvents.T0));
        publishOnTheLedger(LedgerEntrySequenced.newBuilder(sequenced.get(1)).setLeafIndex(2).setEventId("event-nowhere").setOffset(40).build());

        RebuiltLedger rebuilt = LedgerRebuilder.rebuild(log.snapshot(), LOG_KEY);

        assertThat(rebuilt.differences()).singleElement().satisfies(d -> {
            assertThat(d.where()).isEqualTo("leaf 2");
            assertThat(d.what()).contains("event-nowhere is sequenced from gatehouse.alerts/0@40, which the log no longer holds")
                    .contains("the partition ended at offset 2");
        });
        assertThat(rebuilt.leaves().get(2).rebuilt()).isFalse();
    }

    @Test
    void aGapInTheSequenceEndsTheTreeBeforeIt() {
        record(SyntheticEvents.alerts(2, SyntheticEvents.T0));
        publishOnTheLedger(LedgerEntrySequenced.newBuilder(sequenced.get(1)).setLeafIndex(3).build());

        RebuiltLedger rebuilt = LedgerRebuilder.rebuild(log.snapshot(), LOG_KEY);

        assertThat(rebuilt.leaves()).hasSize(2);
        assertThat(rebuilt.differences()).anySatisfy(d -> {
            assertThat(d.where()).isEqualTo("leaf 2");
            assertThat(d.what()).startsWith("no LedgerEntrySequenced for it, though the log sequences leaves up to 3");
        });
    }

    @Test
    void aCheckpointSignedWithAnotherKeyDoesNotCount() {
        record(SyntheticEvents.alerts(4, SyntheticEvents.T0));
        Checkpoint checkpoint = new Checkpoint("gatehouse.test/ledger", 4, ledger.tree().tree().root(4));
        String forged = checkpoint.sign(NoteKey.generate("gatehouse.test/ledger"));
        publishOnTheLedger(LedgerCheckpointSigned.newBuilder().setOrigin("gatehouse.test/ledger").setTreeSize(4).setRootHash(checkpoint.rootHex())
                .setNote(forged).build());

        RebuiltLedger rebuilt = LedgerRebuilder.rebuild(log.snapshot(), LOG_KEY);

        assertThat(rebuilt.checkpoints()).isEmpty();
        assertThat(rebuilt.differences()).singleElement().satisfies(d -> {
            assertThat(d.where()).startsWith("checkpoint of size 4");
            assertThat(d.what()).startsWith("its note carries no valid signature by the log's key");
        });
    }

    @Test
    void aSignedCheckpointOfAnotherTreeIsNamed() {
        record(SyntheticEvents.alerts(4, SyntheticEvents.T0));
        Checkpoint other = new Checkpoint("gatehouse.test/ledger", 3, ledger.tree().tree().root(2));
        publishOnTheLedger(LedgerCheckpointSigned.newBuilder().setOrigin("gatehouse.test/ledger").setTreeSize(3).setRootHash(other.rootHex())
                .setNote(other.sign(LOG_KEY)).build());

        RebuiltLedger rebuilt = LedgerRebuilder.rebuild(log.snapshot(), LOG_KEY);

        assertThat(rebuilt.differences()).singleElement().satisfies(d -> assertThat(d.what()).contains("but the log's first 3 leaves give"));
    }

    @Test
    void eventsNotRecordedYetAreLagAndRecordsThatAreNoEventsAreCounted() {
        record(SyntheticEvents.alerts(2, SyntheticEvents.T0));
        write(SyntheticEvents.alerts(3, SyntheticEvents.T0).get(2));
        log.writeRaw(Topics.ALERTS, "service-0/HighErrorRate", new RecordHeaders(), new byte[] {1, 2});

        RebuiltLedger rebuilt = LedgerRebuilder.rebuild(log.snapshot(), LOG_KEY);

        assertThat(rebuilt.differences()).isEmpty();
        assertThat(rebuilt.unrecorded()).isEqualTo(1);
        assertThat(rebuilt.unrecordable()).isEqualTo(1);
    }

    private void record(List<DomainEvent> events) {
        for (DomainEvent event : events) {
            ledger.record(event, write(event));
            sequenced.add(lastSequenced());
        }
    }

    private Address write(DomainEvent event) {
        return log.write(event.topic(), event.attributes(), event.value()).join();
    }

    private LedgerEntrySequenced lastSequenced() {
        return log.snapshot().records(Topics.LEDGER).stream().map(r -> EventCodec.decode(r.value()))
                .filter(LedgerEntrySequenced.class::isInstance).map(LedgerEntrySequenced.class::cast).reduce((a, b) -> b).orElseThrow();
    }

    private void publishOnTheLedger(SpecificRecord event) {
        CloudEvent attributes = CloudEvent.of(event, CloudEvent.deriveId(event.toString()), "/test", "gatehouse.test/ledger", SyntheticEvents.T0);
        log.write(Topics.LEDGER, attributes, EventCodec.encode(event));
    }
}
