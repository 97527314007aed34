package io.gatehouse.evidence.sealing;

import io.gatehouse.events.Topics;
import io.gatehouse.evidence.artifacts.EvidenceProtocol;
import io.gatehouse.evidence.ledger.Checkpoints;
import io.gatehouse.evidence.ledger.DatabaseSubtrees;
import io.gatehouse.evidence.ledger.EntryAppended;
import io.gatehouse.evidence.ledger.LedgerCheckpoint;
import io.gatehouse.evidence.ledger.LedgerEntry;
import io.gatehouse.evidence.ledger.LogKey;
import io.gatehouse.evidence.log.Dsse;
import io.gatehouse.evidence.protocols.EvidenceProtocols;
import io.gatehouse.evidence.sealed.Seal;
import io.gatehouse.evidence.sealed.SealedBundle;
import io.gatehouse.evidence.sealed.SealedEvent;
import io.gatehouse.evidence.store.ActiveBundles;
import io.gatehouse.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Seals a subject's evidence when an event recorded about it reaches a point its protocol calls final: the bundle is
 * rendered from the subject's events up to that one, under a checkpoint signed at exactly that event's tree size,
 * stored under its SHA-256, and announced on gatehouse.evidence. All of it commits with the entry that triggered it, so
 * a seal exists exactly when its trigger is recorded; a later final point seals again, and no seal ever changes.
 */
@ApplicationScoped
public class Sealer {

    private final ActiveBundles activeBundles;
    private final Checkpoints checkpoints;
    private final DatabaseSubtrees subtrees;
    private final LogKey key;
    private final Outbox outbox;

    Sealer(ActiveBundles activeBundles, Checkpoints checkpoints, DatabaseSubtrees subtrees, LogKey key, Outbox outbox) {
        this.activeBundles = activeBundles;
        this.checkpoints = checkpoints;
        this.subtrees = subtrees;
        this.key = key;
        this.outbox = outbox;
    }

    void onAppended(@Observes EntryAppended appended) {
        LedgerEntry trigger = appended.entry();
        // Most events are final for no protocol: decide that before reading the subject's events, which may be many.
        if (EvidenceProtocols.ALL.stream().noneMatch(p -> p.isFinal(appended.body()))) {
            return;
        }
        List<LedgerEntry> entries = LedgerEntry.ofSubjectUpTo(trigger.subject, trigger.seq);
        Optional<EvidenceProtocol> protocol = EvidenceProtocols.covering(entries.stream().map(e -> e.type).collect(Collectors.toSet()));
        if (protocol.isEmpty() || !protocol.get().isFinal(appended.body())) {
            return;
        }
        seal(trigger, entries);
    }

    private void seal(LedgerEntry trigger, List<LedgerEntry> entries) {
        int number = (int) SealedBundleRow.count("subject", trigger.subject) + 1;
        LedgerCheckpoint checkpoint = checkpoints.signAt(trigger.seq);
        List<SealedEvent> events = entries.stream()
                .map(e -> new SealedEvent(e.leafIndex(), e.eventId, e.type, e.time, e.canonical)).toList();
        SealedBundle bundle = SealedBundle.seal(new Seal(trigger.subject, number, trigger.eventId, trigger.leafIndex(), checkpoint.note),
                events, subtrees.tree(), key.key(), (type, payload) -> Dsse.signature(type, payload, key.key()));
        activeBundles.store(bundle.sha256(), bundle.zip());
        SealedBundleRow row = new SealedBundleRow();
        row.subject = trigger.subject;
        row.seal = number;
        row.protocol = bundle.protocol();
        row.triggerEventId = trigger.eventId;
        row.triggerLeafIndex = trigger.leafIndex();
        row.treeSize = bundle.treeSize();
        row.bundleName = bundle.bundleName();
        row.bundleSha256 = bundle.sha256();
        row.sizeBytes = bundle.zip().length;
        row.sealedAt = bundle.sealedAt();
        row.persist();
        outbox.append(Topics.EVIDENCE, trigger.subject, bundle.manifestSealedEvent(), trigger.eventId, trigger.time);
        outbox.append(Topics.EVIDENCE, trigger.subject, bundle.bundleBuiltEvent(), trigger.eventId, trigger.time);
    }
}
