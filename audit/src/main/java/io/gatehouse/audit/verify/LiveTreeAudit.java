package io.gatehouse.audit.verify;

import io.gatehouse.audit.ledger.LogCheckpoint;
import io.gatehouse.audit.ledger.RebuiltLeaf;
import io.gatehouse.audit.live.LiveEntry;
import io.gatehouse.audit.log.Address;
import io.gatehouse.audit.report.Difference;
import io.gatehouse.evidence.log.Checkpoint;
import io.gatehouse.evidence.log.InMemoryTree;
import io.gatehouse.evidence.log.MerkleHashes;
import io.gatehouse.evidence.log.MerkleTree;
import io.gatehouse.evidence.log.NoteKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the live tree with the log, in pure code. The leaves rebuilt from the log say which event belongs at each
 * leaf and with which bytes; the first live leaf that differs is named with what happened to it. The checkpoint signed
 * on the log anchors the head: a live tree smaller than it lost its tail, a larger one must prove it extends it.
 */
public final class LiveTreeAudit {

    private static final HexFormat HEX = HexFormat.of();

    private LiveTreeAudit() {
    }

    /**
     * @param log the leaves rebuilt from the log, in leaf order
     * @param logCheckpoint the newest checkpoint on the log that the log's key signed
     * @param live the live entries, in leaf order
     * @param liveCheckpointNote the live service's latest signed note
     * @param proofs the live service's consistency proofs
     */
    public static LiveTreeVerdict audit(List<RebuiltLeaf> log, Optional<LogCheckpoint> logCheckpoint, List<LiveEntry> live,
                                        String liveCheckpointNote, NoteKey logKey, ConsistencyProofs proofs) {
        List<Difference> differences = new ArrayList<>();
        InMemoryTree liveTree = liveTree(live, differences);
        Optional<BadLeaf> firstBadLeaf = firstBadLeaf(log, live);
        if (firstBadLeaf.isEmpty() && logCheckpoint.isPresent() && live.size() < logCheckpoint.get().size()) {
            firstBadLeaf = Optional.of(new BadLeaf(live.size(), Tamper.TRUNCATED, "the live tree has " + live.size()
                    + " leaves, but the log holds a checkpoint signed at size " + logCheckpoint.get().size()));
        }
        firstBadLeaf.ifPresent(bad -> differences.add(0, new Difference("leaf " + bad.leafIndex(), bad.tamper() + ": " + bad.detail())));
        liveCheckpoint(liveCheckpointNote, logKey, liveTree, differences);
        logCheckpoint.ifPresent(signed -> extension(signed, liveTree, proofs, differences));
        long liveAhead = Math.max(0, live.size() - log.size());
        return new LiveTreeVerdict(log.size(), live.size(), firstBadLeaf, List.copyOf(differences), liveAhead);
    }

    private static Optional<BadLeaf> firstBadLeaf(List<RebuiltLeaf> log, List<LiveEntry> live) {
        int common = Math.min(log.size(), live.size());
        for (int i = 0; i < common; i++) {
            Optional<String> altered = alteration(log.get(i), live.get(i));
            if (altered.isPresent() && log.get(i).eventId().equals(live.get(i).eventId())) {
                return Optional.of(new BadLeaf(i, Tamper.ALTERED, altered.get()));
            }
            if (altered.isPresent()) {
                return Optional.of(displacement(log, live, i));
            }
        }
        if (live.size() < log.size()) {
            return Optional.of(new BadLeaf(live.size(), Tamper.TRUNCATED, "the live tree ends after " + live.size() + " leaves, but the log sequences "
                    + log.size() + "; event " + log.get(live.size()).eventId() + " is the first one missing"));
        }
        return Optional.empty();
    }

    /** How the live entry differs from the log's leaf with the same position; empty when it does not. */
    private static Optional<String> alteration(RebuiltLeaf expected, LiveEntry actual) {
        if (!expected.eventId().equals(actual.eventId())) {
            return Optional.of("event " + actual.eventId() + " instead of " + expected.eventId());
        }
        String bytesHash = MerkleHashes.leafHex(actual.canonical());
        boolean sameBytes = expected.rebuilt() ? Arrays.equals(expected.canonical(), actual.canonical()) : bytesHash.equals(expected.leafHash());
        if (!sameBytes) {
            return Optional.of("event " + actual.eventId() + " is stored with other bytes than the log's record " + expected.address()
                    + ": they hash to leaf " + bytesHash + ", the log's to " + expected.leafHash());
        }
        if (!actual.leafHash().equals(bytesHash)) {
            return Optional.of("event " + actual.eventId() + " has leaf hash " + actual.leafHash() + " in the live tree, but its bytes hash to "
                    + bytesHash);
        }
        Address origin = new Address(actual.topic(), actual.partition(), actual.offset());
        if (!origin.equals(expected.address()) || !actual.subject().equals(expected.subject())) {
            return Optional.of("event " + actual.eventId() + " of " + actual.subject() + " is said to come from " + origin + ", but the log sequenced it "
                    + "from " + expected.address() + " as an event of " + expected.subject());
        }
        return Optional.empty();
    }

    /** The live leaf {@code i} holds another event than the log's: which of the log's events went where. */
    private static BadLeaf displacement(List<RebuiltLeaf> log, List<LiveEntry> live, int i) {
        Map<String, Integer> logLeafOf = leafOf(log.stream().map(RebuiltLeaf::eventId).toList());
        Map<String, Integer> liveLeafOf = leafOf(live.stream().map(LiveEntry::eventId).toList());
        String expected = log.get(i).eventId();
        String actual = live.get(i).eventId();
        Integer logLeafOfActual = logLeafOf.get(actual);
        Integer liveLeafOfExpected = liveLeafOf.get(expected);
        if (logLeafOfActual != null && logLeafOfActual.equals(liveLeafOfExpected)) {
            return new BadLeaf(i, Tamper.REORDERED, "events " + expected + " and " + actual + " are swapped: the log sequences them at leaves "
                    + i + " and " + logLeafOfActual + ", the live tree at " + logLeafOfActual + " and " + i);
        }
        if (liveLeafOfExpected == null && logLeafOfActual != null && logLeafOfActual > i) {
            int dropped = logLeafOfActual - i;
            return new BadLeaf(i, Tamper.DROPPED, "event " + expected + (dropped > 1 ? " and the " + (dropped - 1) + " after it are" : " is")
                    + " missing from the live tree, whose leaf " + i + " holds event " + actual + ", the log's leaf " + logLeafOfActual);
        }
        if (logLeafOfActual == null && liveLeafOfExpected != null && liveLeafOfExpected > i) {
            return new BadLeaf(i, Tamper.INSERTED, "the live tree holds event " + actual + ", which the log never sequenced, at leaf " + i
                    + "; the log's event " + expected + " follows at live leaf " + liveLeafOfExpected);
        }
        if (logLeafOfActual == null && liveLeafOfExpected == null) {
            return new BadLeaf(i, Tamper.REPLACED, "the live tree holds event " + actual + ", which the log never sequenced, instead of the log's event "
                    + expected);
        }
        return new BadLeaf(i, Tamper.REORDERED, "the live tree holds event " + actual + (logLeafOfActual == null ? ", which the log never sequenced,"
                : ", the log's leaf " + logLeafOfActual + ",") + " at leaf " + i + ", and the log's event " + expected + " at "
                + (liveLeafOfExpected == null ? "no leaf" : "leaf " + liveLeafOfExpected));
    }

    private static Map<String, Integer> leafOf(List<String> eventIds) {
        Map<String, Integer> leafOf = new HashMap<>();
        for (int i = 0; i < eventIds.size(); i++) {
            leafOf.putIfAbsent(eventIds.get(i), i);
        }
        return leafOf;
    }

    /** The tree over the leaf hashes the live service holds, which its checkpoints and proofs are about. */
    private static InMemoryTree liveTree(List<LiveEntry> live, List<Difference> differences) {
        InMemoryTree tree = new InMemoryTree();
        for (int i = 0; i < live.size(); i++) {
            LiveEntry entry = live.get(i);
            if (entry.leafIndex() != i) {
                differences.add(new Difference("live leaf " + i, "served as leaf " + entry.leafIndex()));
            }
            byte[] leafHash;
            try {
                leafHash = HEX.parseHex(entry.leafHash());
            } catch (IllegalArgumentException e) {
                leafHash = new byte[0];
            }
            if (leafHash.length != 32) {
                differences.add(new Difference("live leaf " + i, "its leaf hash " + entry.leafHash() + " is not 32 bytes of hex; the hash of its bytes stands in"));
                leafHash = MerkleHashes.leaf(entry.canonical());
            }
            tree.append(leafHash);
        }
        return tree;
    }

    private static void liveCheckpoint(String note, NoteKey logKey, InMemoryTree liveTree, List<Difference> differences) {
        Optional<Checkpoint> opened = Checkpoint.open(note, logKey);
        if (opened.isEmpty()) {
            differences.add(new Difference("live checkpoint", "it carries no valid signature by the log's key " + logKey.verifierKey()
                    + ": it is forged, or signed with another key"));
            return;
        }
        Checkpoint checkpoint = opened.get();
        if (checkpoint.size() > liveTree.size()) {
            differences.add(new Difference("live checkpoint", "it signs " + checkpoint.size() + " leaves, but the live ledger serves " + liveTree.size()));
        } else if (!Arrays.equals(liveTree.tree().root(checkpoint.size()), checkpoint.rootHash())) {
            differences.add(new Difference("live checkpoint", "it signs root " + checkpoint.rootHex() + " at size " + checkpoint.size()
                    + ", but the live entries give " + HEX.formatHex(liveTree.tree().root(checkpoint.size()))));
        }
    }

    /** The live tree must be the log's signed tree, or extend it: RFC 9162 consistency, with the live service's proof. */
    private static void extension(LogCheckpoint signed, InMemoryTree liveTree, ConsistencyProofs proofs, List<Difference> differences) {
        long from = signed.size();
        long to = liveTree.size();
        String where = "checkpoint of size " + from + " (" + signed.address() + ")";
        if (to < from) {
            differences.add(new Difference(where, "the live tree has only " + to + " leaves: its tail was cut off"));
            return;
        }
        if (from == 0) {
            return;
        }
        byte[] liveRoot = liveTree.tree().root(to);
        boolean consistent = from == to ? Arrays.equals(liveRoot, signed.checkpoint().rootHash())
                : MerkleTree.verifyConsistency(from, to, signed.checkpoint().rootHash(), liveRoot, proofs.proof(from, to));
        if (!consistent) {
            differences.add(new Difference(where, "the live tree of " + to + " leaves (root " + HEX.formatHex(liveRoot)
                    + ") does not extend the tree the log's checkpoint signed (root " + signed.checkpoint().rootHex() + ")"));
        }
    }
}
