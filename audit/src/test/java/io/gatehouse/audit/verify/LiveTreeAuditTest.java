package io.gatehouse.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.ledger.LogCheckpoint;
import io.gatehouse.audit.ledger.RebuiltLeaf;
import io.gatehouse.audit.live.LiveEntry;
import io.gatehouse.audit.log.Address;
import io.gatehouse.evidence.log.Checkpoint;
import io.gatehouse.evidence.log.InMemoryTree;
import io.gatehouse.evidence.log.MerkleHashes;
import io.gatehouse.evidence.log.NoteKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LiveTreeAuditTest {

    private static final String ORIGIN = "gatehouse.test/ledger";
    private static final NoteKey LOG_KEY = NoteKey.generate(ORIGIN);
    private static final Address LEDGER = new Address("gatehouse.ledger", 0, 0);

    private final List<RebuiltLeaf> log = IntStream.range(0, 8).mapToObj(LiveTreeAuditTest::leaf).toList();

    @Test
    void aLiveTreeThatIsTheLogsIsIntact() {
        LiveTreeVerdict verdict = audit(live(log), signedOnTheLog(8));

        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.firstBadLeaf()).isEmpty();
        assertThat(verdict.liveLeaves()).isEqualTo(8);
    }

    @Test
    void aByteFlippedInAStoredEventNamesItsLeafAsAltered() {
        List<LiveEntry> live = live(log);
        byte[] flipped = live.get(3).canonical().clone();
        flipped[10] ^= 0x01;
        live.set(3, stored(3, "event-3", flipped));

        LiveTreeVerdict verdict = audit(live, signedOnTheLog(8));

        assertThat(verdict.firstBadLeaf()).get().satisfies(bad -> {
            assertThat(bad.leafIndex()).isEqualTo(3);
            assertThat(bad.tamper()).isEqualTo(Tamper.ALTERED);
            assertThat(bad.detail()).contains("event-3 is stored with other bytes than the log's record gatehouse.incidents/0@3");
        });
        assertThat(verdict.differences()).anySatisfy(d -> assertThat(d.where()).startsWith("checkpoint of size 8"));
    }

    @Test
    void aLeafHashChangedWithoutItsBytesIsAnAlterationToo() {
        List<LiveEntry> live = live(log);
        LiveEntry entry = live.get(5);
        live.set(5, new LiveEntry(5, entry.eventId(), entry.subject(), entry.topic(), entry.partition(), entry.offset(), "00".repeat(32),
                entry.canonical()));

        assertThat(audit(live, signedOnTheLog(8)).firstBadLeaf()).get()
                .satisfies(bad -> assertThat(bad.tamper()).isEqualTo(Tamper.ALTERED))
                .satisfies(bad -> assertThat(bad.detail()).contains("has leaf hash " + "00".repeat(32) + " in the live tree"));
    }

    @Test
    void aDroppedEventIsNamedWhereTheLiveTreeLostIt() {
        List<LiveEntry> live = live(log);
        live.remove(4);

        BadLeaf bad = audit(live, signedOnTheLog(6)).firstBadLeaf().orElseThrow();

        assertThat(bad.leafIndex()).isEqualTo(4);
        assertThat(bad.tamper()).isEqualTo(Tamper.DROPPED);
        assertThat(bad.detail()).startsWith("event event-4 is missing from the live tree");
    }

    @Test
    void anInsertedEventIsNamedAtItsLeaf() {
        List<LiveEntry> live = live(log);
        live.add(2, stored(2, "event-forged", canonical("event-forged")));

        BadLeaf bad = audit(live, signedOnTheLog(8)).firstBadLeaf().orElseThrow();

        assertThat(bad.leafIndex()).isEqualTo(2);
        assertThat(bad.tamper()).isEqualTo(Tamper.INSERTED);
        assertThat(bad.detail()).contains("event event-forged, which the log never sequenced").contains("event-2 follows at live leaf 3");
    }

    @Test
    void twoReorderedEventsAreNamedAsSwapped() {
        List<LiveEntry> live = live(log);
        Collections.swap(live, 2, 6);

        BadLeaf bad = audit(live, signedOnTheLog(8)).firstBadLeaf().orElseThrow();

        assertThat(bad.leafIndex()).isEqualTo(2);
        assertThat(bad.tamper()).isEqualTo(Tamper.REORDERED);
        assertThat(bad.detail()).isEqualTo("events event-2 and event-6 are swapped: the log sequences them at leaves 2 and 6, the live tree at 6 and 2");
    }

    @Test
    void aTruncatedTailIsCaughtByTheCheckpointOnTheLog() {
        List<LiveEntry> live = live(log).subList(0, 5);

        LiveTreeVerdict verdict = audit(live, signedOnTheLog(7));

        assertThat(verdict.firstBadLeaf()).get().satisfies(bad -> {
            assertThat(bad.leafIndex()).isEqualTo(5);
            assertThat(bad.tamper()).isEqualTo(Tamper.TRUNCATED);
        });
        assertThat(verdict.differences()).anySatisfy(d -> {
            assertThat(d.where()).startsWith("checkpoint of size 7");
            assertThat(d.what()).isEqualTo("the live tree has only 5 leaves: its tail was cut off");
        });
    }

    @Test
    void aTruncatedTailBeyondWhatTheLogSequencedIsCaughtByItsCheckpointAlone() {
        List<RebuiltLeaf> sequencedSoFar = log.subList(0, 5);
        List<LiveEntry> live = live(log).subList(0, 5);
        LogCheckpoint signedAt8 = signedOnTheLog(8);

        LiveTreeVerdict verdict = LiveTreeAudit.audit(sequencedSoFar, Optional.of(signedAt8), live, liveNote(live, LOG_KEY), LOG_KEY,
                proofsOf(live));

        assertThat(verdict.firstBadLeaf()).get().satisfies(bad -> assertThat(bad.tamper()).isEqualTo(Tamper.TRUNCATED));
        assertThat(verdict.intact()).isFalse();
    }

    @Test
    void aLiveCheckpointForgedWithAnotherKeyIsRejected() {
        List<LiveEntry> live = live(log);
        NoteKey forger = NoteKey.generate(ORIGIN);

        LiveTreeVerdict verdict = LiveTreeAudit.audit(log, Optional.of(signedOnTheLog(8)), live, liveNote(live, forger), LOG_KEY, proofsOf(live));

        assertThat(verdict.firstBadLeaf()).isEmpty();
        assertThat(verdict.differences()).singleElement().satisfies(d -> {
            assertThat(d.where()).isEqualTo("live checkpoint");
            assertThat(d.what()).contains("no valid signature by the log's key");
        });
    }

    @Test
    void aLiveCheckpointSigningAnotherRootIsRejected() {
        List<LiveEntry> live = live(log);
        String note = new Checkpoint(ORIGIN, 8, MerkleHashes.leaf(new byte[] {1})).sign(LOG_KEY);

        LiveTreeVerdict verdict = LiveTreeAudit.audit(log, Optional.of(signedOnTheLog(8)), live, note, LOG_KEY, proofsOf(live));

        assertThat(verdict.differences()).singleElement().satisfies(d -> assertThat(d.what()).contains("but the live entries give"));
    }

    @Test
    void liveLeavesTheLogHasNotSequencedYetAreLagWhenTheyExtendTheSignedTree() {
        List<RebuiltLeaf> longer = IntStream.range(0, 11).mapToObj(LiveTreeAuditTest::leaf).toList();
        List<LiveEntry> live = live(longer);

        LiveTreeVerdict verdict = LiveTreeAudit.audit(log, Optional.of(signedOnTheLog(6)), live, liveNote(live, LOG_KEY), LOG_KEY, proofsOf(live));

        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.liveAhead()).isEqualTo(3);
    }

    @Test
    void aLiveTreeWhoseProofDoesNotLeadBackToTheSignedTreeIsRejected() {
        List<LiveEntry> live = live(IntStream.range(0, 11).mapToObj(LiveTreeAuditTest::leaf).toList());
        ConsistencyProofs made = (from, to) -> List.of(MerkleHashes.leaf(new byte[] {2}), MerkleHashes.leaf(new byte[] {3}));

        LiveTreeVerdict verdict = LiveTreeAudit.audit(log, Optional.of(signedOnTheLog(6)), live, liveNote(live, LOG_KEY), LOG_KEY, made);

        assertThat(verdict.differences()).singleElement().satisfies(d -> assertThat(d.what()).contains("does not extend the tree the log's checkpoint signed"));
    }

    private LiveTreeVerdict audit(List<LiveEntry> live, LogCheckpoint onTheLog) {
        return LiveTreeAudit.audit(log, Optional.of(onTheLog), live, liveNote(live, LOG_KEY), LOG_KEY, proofsOf(live));
    }

    /** The checkpoint evidence-service signed and published on the log when its tree had {@code size} of the log's leaves. */
    private LogCheckpoint signedOnTheLog(int size) {
        InMemoryTree tree = new InMemoryTree();
        IntStream.range(0, size).mapToObj(LiveTreeAuditTest::leaf).forEach(l -> tree.append(MerkleHashes.leaf(l.canonical())));
        Checkpoint checkpoint = new Checkpoint(ORIGIN, size, tree.tree().root(size));
        return new LogCheckpoint(checkpoint, checkpoint.sign(LOG_KEY), LEDGER);
    }

    private static String liveNote(List<LiveEntry> live, NoteKey key) {
        InMemoryTree tree = treeOf(live);
        return new Checkpoint(ORIGIN, live.size(), tree.tree().root(live.size())).sign(key);
    }

    private static ConsistencyProofs proofsOf(List<LiveEntry> live) {
        InMemoryTree tree = treeOf(live);
        return (from, to) -> tree.tree().consistencyProof(from, to);
    }

    private static InMemoryTree treeOf(List<LiveEntry> live) {
        InMemoryTree tree = new InMemoryTree();
        live.forEach(e -> tree.append(MerkleHashes.leaf(e.canonical())));
        return tree;
    }

    private static List<LiveEntry> live(List<RebuiltLeaf> leaves) {
        List<LiveEntry> live = new ArrayList<>();
        leaves.forEach(l -> live.add(stored(l.leafIndex(), l.eventId(), l.canonical())));
        return live;
    }

    /** An entry as evidence-service stores it: whatever its leaf index, read from the offset its event number gives. */
    private static LiveEntry stored(long leafIndex, String eventId, byte[] canonical) {
        long offset = eventId.startsWith("event-") && eventId.substring(6).chars().allMatch(Character::isDigit) ? Long.parseLong(eventId.substring(6)) : 99;
        return new LiveEntry(leafIndex, eventId, "inc-1", "gatehouse.incidents", 0, offset, MerkleHashes.leafHex(canonical), canonical);
    }

    private static RebuiltLeaf leaf(int n) {
        byte[] canonical = canonical("event-" + n);
        return new RebuiltLeaf(n, "event-" + n, "inc-1", "io.gatehouse.events.IncidentOpened", Instant.parse("2026-11-21T14:00:00Z").plusSeconds(n),
                new Address("gatehouse.incidents", 0, n), canonical, MerkleHashes.leafHex(canonical));
    }

    private static byte[] canonical(String eventId) {
        return ("{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"subject\":\"inc-1\"}").getBytes(StandardCharsets.UTF_8);
    }
}
