package io.gatehouse.audit.replay;

import io.gatehouse.audit.ledger.RebuiltLeaf;
import io.gatehouse.audit.ledger.RebuiltLedger;
import io.gatehouse.audit.log.Address;
import io.gatehouse.audit.report.Difference;
import io.gatehouse.events.EvidenceBundleBuilt;
import io.gatehouse.events.EvidenceManifestSealed;
import io.gatehouse.events.EvidenceRetentionApplied;
import io.gatehouse.evidence.artifacts.EvidenceProtocol;
import io.gatehouse.evidence.log.NoteKey;
import io.gatehouse.evidence.log.RecordableEvent;
import io.gatehouse.evidence.protocols.EvidenceProtocols;
import io.gatehouse.evidence.sealed.Seal;
import io.gatehouse.evidence.sealed.SealedBundle;
import io.gatehouse.evidence.sealed.SealedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Seals every subject again from the ledger rebuilt from the log, the way evidence-service does: at each point its
 * protocol calls final, from the subject's events up to that point, under the checkpoint the seal names. The log
 * holds no private key, so a release's attestation gets the signature its EvidenceManifestSealed recorded; if that
 * signature does not match the rebuilt statement, the seal cannot be rebuilt.
 */
public final class SealRebuilder {

    private SealRebuilder() {
    }

    /** A seal as gatehouse.evidence holds it. */
    private record Published(EvidenceManifestSealed manifest, Address address) {
    }

    /** @param evidence gatehouse.evidence's records, each partition in offset order */
    public static SealReplay replay(RebuiltLedger ledger, List<ConsumerRecord<String, byte[]>> evidence, NoteKey logKey) {
        List<Difference> differences = new ArrayList<>();
        Map<SealKey, Published> manifests = new TreeMap<>();
        Map<SealKey, EvidenceBundleBuilt> bundles = new TreeMap<>();
        read(evidence, manifests, bundles, differences);

        Map<String, List<RebuiltLeaf>> bySubject = new LinkedHashMap<>();
        ledger.leaves().forEach(leaf -> bySubject.computeIfAbsent(leaf.subject(), s -> new ArrayList<>()).add(leaf));
        Map<String, List<FinalPoint>> finalPoints = new LinkedHashMap<>();
        bySubject.forEach((subject, leaves) -> finalPoints.put(subject, finalPoints(subject, leaves)));
        Map<String, FinalPoint> finalPointOf = new HashMap<>();
        finalPoints.values().forEach(points -> points.forEach(p -> finalPointOf.put(p.triggerEventId(), p)));
        Map<String, List<EvidenceManifestSealed>> sealsOf = new HashMap<>();
        manifests.values().forEach(p -> sealsOf.computeIfAbsent(p.manifest().getSubject(), s -> new ArrayList<>()).add(p.manifest()));

        List<SealOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<SealKey, Published> entry : manifests.entrySet()) {
            SealKey key = entry.getKey();
            outcomes.add(reseal(entry.getValue(), Optional.ofNullable(finalPointOf.get(entry.getValue().manifest().getTriggerEventId())),
                    Optional.ofNullable(bundles.get(key)), bySubject.getOrDefault(key.subject(), List.of()), ledger, logKey));
        }
        bundles.keySet().stream().filter(key -> !manifests.containsKey(key)).forEach(key -> differences.add(new Difference(key.toString(),
                "an EvidenceBundleBuilt was published for it, but no EvidenceManifestSealed")));
        List<FinalPoint> unsealed = new ArrayList<>();
        finalPoints.forEach((subject, points) -> order(subject, points, sealsOf.getOrDefault(subject, List.of()), unsealed, differences));
        return new SealReplay(outcomes, unsealed, differences);
    }

    /**
     * A subject's seals are numbered 1, 2, ... in the order of the final points that triggered them, as evidence-service
     * seals each final point when it records it. A final point after the last seal is not sealed yet, and one before the
     * first may have been recorded before evidence-service sealed at all: lag. One between two seals was skipped.
     */
    /** @param seals the subject's seals, by number */
    private static void order(String subject, List<FinalPoint> finalPoints, List<EvidenceManifestSealed> seals, List<FinalPoint> unsealed,
                              List<Difference> differences) {
        long previousTrigger = -1;
        for (int i = 0; i < seals.size(); i++) {
            EvidenceManifestSealed seal = seals.get(i);
            String where = new SealKey(subject, seal.getSeal()).toString();
            if (seal.getSeal() != i + 1) {
                differences.add(new Difference(where, "the subject's seals are numbered " + seals.stream().map(m -> String.valueOf(m.getSeal()))
                        .collect(Collectors.joining(", ")) + ": seal " + (i + 1) + " is not in the log"));
                return;
            }
            if (seal.getTriggerLeafIndex() <= previousTrigger) {
                differences.add(new Difference(where, "it is triggered at leaf " + seal.getTriggerLeafIndex() + ", not after seal " + i
                        + "'s trigger at leaf " + previousTrigger));
            }
            previousTrigger = seal.getTriggerLeafIndex();
        }
        Set<String> sealedTriggers = seals.stream().map(EvidenceManifestSealed::getTriggerEventId).collect(Collectors.toSet());
        long firstTrigger = seals.isEmpty() ? Long.MAX_VALUE : seals.get(0).getTriggerLeafIndex();
        for (FinalPoint point : finalPoints) {
            if (sealedTriggers.contains(point.triggerEventId())) {
                continue;
            }
            if (point.leafIndex() < firstTrigger || point.leafIndex() > previousTrigger) {
                unsealed.add(point);
            } else {
                differences.add(new Difference("leaf " + point.leafIndex(), "event " + point.triggerEventId() + " is a final point of " + subject
                        + " between two of its seals, but no seal was made at it"));
            }
        }
    }

    private static void read(List<ConsumerRecord<String, byte[]>> evidence, Map<SealKey, Published> manifests, Map<SealKey, EvidenceBundleBuilt> bundles,
                             List<Difference> differences) {
        for (ConsumerRecord<String, byte[]> record : evidence) {
            Address address = new Address(record.topic(), record.partition(), record.offset());
            RecordableEvent recordable = RecordableEvent.of(record);
            if (!recordable.recordable()) {
                differences.add(new Difference(address.toString(), "not an evidence event: " + recordable.problem()));
                continue;
            }
            SpecificRecord event = recordable.body();
            if (event instanceof EvidenceManifestSealed) {
                EvidenceManifestSealed manifest = (EvidenceManifestSealed) event;
                SealKey key = new SealKey(manifest.getSubject(), manifest.getSeal());
                Published earlier = manifests.putIfAbsent(key, new Published(manifest, address));
                if (earlier != null && !earlier.manifest().equals(manifest)) {
                    differences.add(new Difference(key.toString(), "sealed twice, differently: " + earlier.address() + " and " + address
                            + "; a seal is never changed"));
                }
            } else if (event instanceof EvidenceBundleBuilt) {
                EvidenceBundleBuilt built = (EvidenceBundleBuilt) event;
                SealKey key = new SealKey(built.getSubject(), built.getSeal());
                EvidenceBundleBuilt earlier = bundles.putIfAbsent(key, built);
                if (earlier != null && !earlier.equals(built)) {
                    differences.add(new Difference(key.toString(), "its bundle was built twice, differently (" + address + ")"));
                }
            } else if (!(event instanceof EvidenceRetentionApplied)) {
                differences.add(new Difference(address.toString(), "a " + event.getSchema().getName() + " does not belong on gatehouse.evidence"));
            }
        }
    }

    /** The subject's final points in leaf order, each judged by the protocol its events so far belong to. */
    static List<FinalPoint> finalPoints(String subject, List<RebuiltLeaf> leaves) {
        List<FinalPoint> points = new ArrayList<>();
        Set<String> typesSoFar = new HashSet<>();
        for (RebuiltLeaf leaf : leaves) {
            if (!leaf.rebuilt()) {
                continue;
            }
            typesSoFar.add(leaf.type());
            Optional<EvidenceProtocol> protocol = EvidenceProtocols.covering(typesSoFar);
            if (protocol.isPresent() && protocol.get().isFinal(sealed(leaf).ledgerEvent().event())) {
                points.add(new FinalPoint(subject, leaf.eventId(), leaf.leafIndex()));
            }
        }
        return points;
    }

    private static SealOutcome reseal(Published published, Optional<FinalPoint> finalPoint, Optional<EvidenceBundleBuilt> built,
                                      List<RebuiltLeaf> subjectLeaves, RebuiltLedger ledger, NoteKey logKey) {
        EvidenceManifestSealed manifest = published.manifest();
        SealKey key = new SealKey(manifest.getSubject(), manifest.getSeal());
        String where = key.toString();
        List<Difference> differences = new ArrayList<>();
        if (finalPoint.isEmpty() || !finalPoint.get().subject().equals(manifest.getSubject())) {
            differences.add(new Difference(where, "its trigger, event " + manifest.getTriggerEventId() + ", is no final point of "
                    + manifest.getSubject() + " in the log"));
        } else if (finalPoint.get().leafIndex() != manifest.getTriggerLeafIndex()) {
            differences.add(new Difference(where, "it says its trigger, event " + manifest.getTriggerEventId() + ", is leaf "
                    + manifest.getTriggerLeafIndex() + ", but the log sequences it at leaf " + finalPoint.get().leafIndex()));
        }
        Optional<SealedBundle> rebuilt = rebuild(manifest, subjectLeaves, ledger, logKey, where, differences);
        rebuilt.ifPresent(bundle -> {
            compareManifest(manifest, bundle.manifestSealedEvent(), where, differences);
            built.ifPresent(b -> compareBundle(b, bundle.bundleBuiltEvent(), where, differences));
        });
        return new SealOutcome(manifest.getSubject(), manifest.getSeal(), rebuilt, built.isPresent(), differences);
    }

    private static Optional<SealedBundle> rebuild(EvidenceManifestSealed manifest, List<RebuiltLeaf> subjectLeaves, RebuiltLedger ledger, NoteKey logKey,
                                                  String where, List<Difference> differences) {
        long trigger = manifest.getTriggerLeafIndex();
        if (trigger < 0 || trigger >= ledger.leaves().size()) {
            differences.add(new Difference(where, "cannot be sealed again: its trigger is leaf " + trigger + ", and the log sequences "
                    + ledger.leaves().size() + " leaves"));
            return Optional.empty();
        }
        List<SealedEvent> events = new ArrayList<>();
        for (RebuiltLeaf leaf : subjectLeaves) {
            if (leaf.leafIndex() > trigger) {
                break;
            }
            if (!leaf.rebuilt()) {
                differences.add(new Difference(where, "cannot be sealed again: the log does not hold leaf " + leaf.leafIndex() + " (event "
                        + leaf.eventId() + ") of " + manifest.getSubject()));
                return Optional.empty();
            }
            events.add(sealed(leaf));
        }
        Seal seal = new Seal(manifest.getSubject(), manifest.getSeal(), manifest.getTriggerEventId(), trigger, manifest.getCheckpoint());
        try {
            return Optional.of(SealedBundle.seal(seal, events, ledger.tree().tree(), logKey, (type, payload) -> {
                if (manifest.getAttestationSignature() == null) {
                    throw new IllegalArgumentException("the seal of a release decision records no attestation signature");
                }
                return manifest.getAttestationSignature();
            }));
        } catch (IllegalArgumentException e) {
            differences.add(new Difference(where, "cannot be sealed again from the log: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Every file by name, then every other field of the seal. */
    private static void compareManifest(EvidenceManifestSealed published, EvidenceManifestSealed rebuilt, String where, List<Difference> differences) {
        Map<String, io.gatehouse.events.SealedFile> publishedFiles = new TreeMap<>();
        published.getFiles().forEach(f -> publishedFiles.put(f.getName(), f));
        Map<String, io.gatehouse.events.SealedFile> rebuiltFiles = new TreeMap<>();
        rebuilt.getFiles().forEach(f -> rebuiltFiles.put(f.getName(), f));
        Set<String> names = new TreeSet<>(publishedFiles.keySet());
        names.addAll(rebuiltFiles.keySet());
        for (String name : names) {
            io.gatehouse.events.SealedFile sealed = publishedFiles.get(name);
            io.gatehouse.events.SealedFile again = rebuiltFiles.get(name);
            if (sealed == null) {
                differences.add(new Difference(where + ": " + name, "the log's events give this file, but the seal does not list it"));
            } else if (again == null) {
                differences.add(new Difference(where + ": " + name, "the seal lists this file, but the log's events do not give it"));
            } else if (!sealed.getSha256().equals(again.getSha256()) || sealed.getSizeBytes() != again.getSizeBytes()) {
                differences.add(new Difference(where + ": " + name, "sealed with SHA-256 " + sealed.getSha256() + " (" + sealed.getSizeBytes()
                        + " bytes), but the log's events give " + again.getSha256() + " (" + again.getSizeBytes() + " bytes)"));
            }
        }
        field(where, "protocol", published.getProtocol(), rebuilt.getProtocol(), differences);
        field(where, "treeSize", published.getTreeSize(), rebuilt.getTreeSize(), differences);
        field(where, "rootHash", published.getRootHash(), rebuilt.getRootHash(), differences);
        field(where, "sealedAt", published.getSealedAt(), rebuilt.getSealedAt(), differences);
    }

    private static void compareBundle(EvidenceBundleBuilt published, EvidenceBundleBuilt rebuilt, String where, List<Difference> differences) {
        field(where, "the bundle's SHA-256", published.getSha256(), rebuilt.getSha256(), differences);
        field(where, "the bundle's size", published.getSizeBytes(), rebuilt.getSizeBytes(), differences);
        field(where, "the bundle's name", published.getBundleName(), rebuilt.getBundleName(), differences);
        field(where, "the bundle's protocol", published.getProtocol(), rebuilt.getProtocol(), differences);
        field(where, "the bundle's tree size", published.getTreeSize(), rebuilt.getTreeSize(), differences);
    }

    private static void field(String where, String name, Object published, Object rebuilt, List<Difference> differences) {
        if (!Objects.equals(published, rebuilt)) {
            differences.add(new Difference(where, name + " is " + published + " in the seal, but " + rebuilt + " sealed again from the log"));
        }
    }

    private static SealedEvent sealed(RebuiltLeaf leaf) {
        return new SealedEvent(leaf.leafIndex(), leaf.eventId(), leaf.type(), leaf.time(), leaf.canonical());
    }

    /** A seal's identity: its subject and number, sorted so reports list seals in the same order every time. */
    private record SealKey(String subject, int seal) implements Comparable<SealKey> {

        @Override
        public int compareTo(SealKey other) {
            int bySubject = subject.compareTo(other.subject);
            return bySubject != 0 ? bySubject : Integer.compare(seal, other.seal);
        }

        @Override
        public String toString() {
            return "seal " + seal + " of " + subject;
        }
    }
}
