package io.gatehouse.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.audit.MemoryLog;
import io.gatehouse.audit.bench.DomainEvent;
import io.gatehouse.audit.bench.LedgerPublisher;
import io.gatehouse.audit.bench.SyntheticEvents;
import io.gatehouse.audit.ledger.LedgerRebuilder;
import io.gatehouse.audit.ledger.RebuiltLedger;
import io.gatehouse.events.EvidenceBundleBuilt;
import io.gatehouse.events.EvidenceManifestSealed;
import io.gatehouse.events.SealedFile;
import io.gatehouse.events.Topics;
import io.gatehouse.evidence.log.NoteKey;
import io.gatehouse.evidence.sealed.SealedBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SealRebuilderTest {

    private static final NoteKey LOG_KEY = NoteKey.generate("gatehouse.test/ledger");

    private final MemoryLog log = new MemoryLog();
    private final LedgerPublisher ledger = new LedgerPublisher(log, LOG_KEY);

    @Test
    void everyPublishedSealIsSealedAgainIdentically() {
        List<SealedBundle> seals = recordAndSeal(SyntheticEvents.resolvedIncident("inc-1", SyntheticEvents.T0));
        seals.addAll(recordAndSeal(SyntheticEvents.noGoRelease("rel-1", SyntheticEvents.T0)));
        seals.forEach(s -> ledger.publishSeal(s.manifestSealedEvent(), s.bundleBuiltEvent()));

        SealReplay replay = replay();

        assertThat(replay.differences()).isEmpty();
        assertThat(replay.unsealed()).isEmpty();
        assertThat(replay.seals()).hasSize(2).allSatisfy(s -> assertThat(s.identical()).isTrue());
        assertThat(replay.seals()).extracting(SealOutcome::subject).containsExactly("inc-1", "rel-1");
        assertThat(replay.seals().get(0).rebuilt().orElseThrow().zip()).isEqualTo(seals.get(0).zip());
        SealedBundle release = replay.seals().get(1).rebuilt().orElseThrow();
        assertThat(release.zip()).isEqualTo(seals.get(1).zip());
        assertThat(release.attestationSignature()).isNotNull().isEqualTo(seals.get(1).attestationSignature());
    }

    @Test
    void aFileWhoseSealedDigestDiffersIsNamed() {
        SealedBundle seal = recordAndSeal(SyntheticEvents.falsePositiveIncident("inc-2", SyntheticEvents.T0)).get(0);
        EvidenceManifestSealed manifest = seal.manifestSealedEvent();
        List<SealedFile> files = new ArrayList<>(manifest.getFiles());
        SealedFile first = files.get(0);
        files.set(0, SealedFile.newBuilder(first).setSha256("00".repeat(32)).build());
        ledger.publishSeal(EvidenceManifestSealed.newBuilder(manifest).setFiles(files).build(), seal.bundleBuiltEvent());

        SealOutcome outcome = replay().seals().get(0);

        assertThat(outcome.identical()).isFalse();
        assertThat(outcome.differences()).singleElement().satisfies(d -> {
            assertThat(d.where()).isEqualTo("seal 1 of inc-2: " + first.getName());
            assertThat(d.what()).isEqualTo("sealed with SHA-256 " + "00".repeat(32) + " (" + first.getSizeBytes() + " bytes), but the log's events give "
                    + first.getSha256() + " (" + first.getSizeBytes() + " bytes)");
        });
    }

    @Test
    void aBundleWhoseDigestDiffersFromTheRebuiltOneIsNamed() {
        SealedBundle seal = recordAndSeal(SyntheticEvents.falsePositiveIncident("inc-3", SyntheticEvents.T0)).get(0);
        ledger.publishSeal(seal.manifestSealedEvent(), EvidenceBundleBuilt.newBuilder(seal.bundleBuiltEvent()).setSha256("11".repeat(32)).build());

        SealOutcome outcome = replay().seals().get(0);

        assertThat(outcome.differences()).singleElement().satisfies(d -> {
            assertThat(d.where()).isEqualTo("seal 1 of inc-3");
            assertThat(d.what()).isEqualTo("the bundle's SHA-256 is " + "11".repeat(32) + " in the seal, but " + seal.sha256() + " sealed again from the log");
        });
    }

    @Test
    void aFinalPointWithoutASealIsLagNotADifference() {
        recordAndSeal(SyntheticEvents.falsePositiveIncident("inc-4", SyntheticEvents.T0));

        SealReplay replay = replay();

        assertThat(replay.seals()).isEmpty();
        assertThat(replay.differences()).isEmpty();
        assertThat(replay.unsealed()).singleElement().satisfies(p -> {
            assertThat(p.subject()).isEqualTo("inc-4");
            assertThat(p.leafIndex()).isEqualTo(2);
        });
    }

    @Test
    void aSealTriggeredByAnEventThatIsNoFinalPointIsNamed() {
        List<DomainEvent> incident = SyntheticEvents.falsePositiveIncident("inc-5", SyntheticEvents.T0);
        SealedBundle seal = recordAndSeal(incident).get(0);
        String opened = incident.get(0).attributes().id();
        ledger.publishSeal(EvidenceManifestSealed.newBuilder(seal.manifestSealedEvent()).setTriggerEventId(opened).setTriggerLeafIndex(0).build(),
                seal.bundleBuiltEvent());

        SealReplay replay = replay();

        assertThat(replay.seals()).singleElement().satisfies(s -> assertThat(s.differences())
                .anySatisfy(d -> assertThat(d.what()).isEqualTo("its trigger, event " + opened + ", is no final point of inc-5 in the log")));
    }

    @Test
    void aSealMissingBeforeALaterOneIsNamed() {
        SealedBundle seal = recordAndSeal(SyntheticEvents.falsePositiveIncident("inc-7", SyntheticEvents.T0)).get(0);
        ledger.publishSeal(EvidenceManifestSealed.newBuilder(seal.manifestSealedEvent()).setSeal(2).build(),
                EvidenceBundleBuilt.newBuilder(seal.bundleBuiltEvent()).setSeal(2).build());

        SealReplay replay = replay();

        assertThat(replay.differences()).singleElement().satisfies(d -> {
            assertThat(d.where()).isEqualTo("seal 2 of inc-7");
            assertThat(d.what()).isEqualTo("the subject's seals are numbered 2: seal 1 is not in the log");
        });
    }

    @Test
    void finalPointsBeforeTheFirstSealAreLagButOneSkippedBetweenSealsIsNamed() {
        List<DomainEvent> release = new ArrayList<>(SyntheticEvents.noGoRelease("rel-2", SyntheticEvents.T0));
        for (int later = 1; later <= 3; later++) {
            release.add(SyntheticEvents.noGoRelease("rel-2", SyntheticEvents.T0.plusSeconds(10L * later)).get(1));
        }
        List<SealedBundle> decisions = recordAndSeal(release);
        // Sealing began at the second decision; the third was skipped; the fourth is sealed as seal 2.
        ledger.publishSeal(EvidenceManifestSealed.newBuilder(decisions.get(1).manifestSealedEvent()).setSeal(1).build(),
                EvidenceBundleBuilt.newBuilder(decisions.get(1).bundleBuiltEvent()).setSeal(1).build());
        ledger.publishSeal(EvidenceManifestSealed.newBuilder(decisions.get(3).manifestSealedEvent()).setSeal(2).build(),
                EvidenceBundleBuilt.newBuilder(decisions.get(3).bundleBuiltEvent()).setSeal(2).build());

        SealReplay replay = replay();

        assertThat(replay.unsealed()).extracting(FinalPoint::leafIndex).containsExactly(1L);
        assertThat(replay.differences()).singleElement().satisfies(d -> {
            assertThat(d.where()).isEqualTo("leaf 3");
            assertThat(d.what()).endsWith("is a final point of rel-2 between two of its seals, but no seal was made at it");
        });
    }

    @Test
    void aSealUnderACheckpointOfAnotherTreeCannotBeSealedAgain() {
        SealedBundle seal = recordAndSeal(SyntheticEvents.falsePositiveIncident("inc-6", SyntheticEvents.T0)).get(0);
        recordAndSeal(SyntheticEvents.alerts(1, SyntheticEvents.T0));
        String largerTree = ledger.checkpoint();
        ledger.publishSeal(EvidenceManifestSealed.newBuilder(seal.manifestSealedEvent()).setCheckpoint(largerTree).build(), seal.bundleBuiltEvent());

        SealOutcome outcome = replay().seals().get(0);

        assertThat(outcome.rebuilt()).isEmpty();
        assertThat(outcome.differences()).singleElement().satisfies(d -> assertThat(d.what()).startsWith("cannot be sealed again from the log: "
                + "the checkpoint is for a tree of 4 leaves"));
    }

    private List<SealedBundle> recordAndSeal(List<DomainEvent> events) {
        List<SealedBundle> seals = new ArrayList<>();
        for (DomainEvent event : events) {
            Optional<SealedBundle> seal = ledger.record(event, log.write(event.topic(), event.attributes(), event.value()).join());
            seal.ifPresent(seals::add);
        }
        return seals;
    }

    private SealReplay replay() {
        RebuiltLedger rebuilt = LedgerRebuilder.rebuild(log.snapshot(), LOG_KEY);
        assertThat(rebuilt.differences()).isEmpty();
        return SealRebuilder.replay(rebuilt, log.snapshot().records(Topics.EVIDENCE), LOG_KEY);
    }
}
