package io.gatehouse.evidence.sealed;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.evidence.log.Checkpoint;
import io.gatehouse.evidence.log.HashChain;
import io.gatehouse.evidence.log.NoteKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Tampering with a sealed incident bundle, each way detected by the check it concerns, naming the file or entry; and
 * input that is no bundle at all, reported as a failed check, never thrown.
 */
class BundleVerifierTest {

    private static final Optional<NoteKey> PUBLISHED = Optional.of(TestLog.KEY.verifierOnly());
    private final IncidentStory story = IncidentStory.recorded();
    private final SealedBundle sealed = story.seal();

    @Test
    void aByteFlippedInAnArtifactFailsItsDigestAndItsRendering() {
        BundleVerifier.Verification verification = verify(Bundles.withByteFlipped(sealed.zip(), "INCIDENT-REPORT.md"));

        assertFailed(verification, BundleVerifier.FILES, "INCIDENT-REPORT.md has SHA-256");
        assertFailed(verification, BundleVerifier.RE_RENDERED, "INCIDENT-REPORT.md differs from its rendering from the events");
        assertPassed(verification, BundleVerifier.CHECKPOINT_SIGNATURE, BundleVerifier.CHECKPOINT_TREE, BundleVerifier.INCLUSION,
                BundleVerifier.EVENTS);
    }

    @Test
    void anArtifactAlteredWithItsDigestUpdatedStillFailsItsRendering() {
        byte[] forged = Bundles.rezipped(sealed.zip(), files -> {
            byte[] report = new String(files.get("INCIDENT-REPORT.md"), StandardCharsets.UTF_8).replace("SEV-1", "SEV-3")
                    .getBytes(StandardCharsets.UTF_8);
            String manifest = new String(files.get("seal-manifest.json"), StandardCharsets.UTF_8)
                    .replace(HashChain.sha256(files.get("INCIDENT-REPORT.md")), HashChain.sha256(report));
            files.put("INCIDENT-REPORT.md", report);
            files.put("seal-manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        });

        BundleVerifier.Verification verification = verify(forged);

        assertPassed(verification, BundleVerifier.FILES);
        assertFailed(verification, BundleVerifier.RE_RENDERED, "INCIDENT-REPORT.md differs from its rendering from the events");
    }

    @Test
    void aByteFlippedInAnEventFailsItsLeafHash() {
        List<SealedEvent> events = story.log.eventsUpTo(IncidentStory.INCIDENT, story.gate4Passed);
        String event = SealedBundle.eventFile(events.get(events.size() - 3).leafIndex());

        BundleVerifier.Verification verification = verify(Bundles.withByteFlipped(sealed.zip(), event));

        assertFailed(verification, BundleVerifier.FILES, event + " has SHA-256");
        assertFailed(verification, BundleVerifier.INCLUSION, event + " hashes to leaf");
        assertPassed(verification, BundleVerifier.CHECKPOINT_SIGNATURE, BundleVerifier.CHECKPOINT_TREE);
    }

    @Test
    void aHashFlippedInTheProofsFailsThatEventsInclusion() {
        String first = SealedBundle.eventFile(story.log.eventsUpTo(IncidentStory.INCIDENT, story.gate4Passed).get(0).leafIndex());

        BundleVerifier.Verification verification = verify(Bundles.withHexDigitFlipped(sealed.zip(), "ledger-proofs.json", "\"entries\"",
                "\"hashes\" : ["));

        assertFailed(verification, BundleVerifier.FILES, "ledger-proofs.json has SHA-256");
        assertFailed(verification, BundleVerifier.INCLUSION, "the inclusion proof of " + first);
        assertPassed(verification, BundleVerifier.CHECKPOINT_TREE, BundleVerifier.EVENTS, BundleVerifier.RE_RENDERED);
    }

    @Test
    void aDigestFlippedInTheSealManifestFailsThatFile() {
        BundleVerifier.Verification verification = verify(Bundles.withHexDigitFlipped(sealed.zip(), "seal-manifest.json",
                "\"name\" : \"decision-log.json\"", "\"sha256\" : \""));

        assertFailed(verification, BundleVerifier.FILES, "decision-log.json has SHA-256");
        assertPassed(verification, BundleVerifier.CHECKPOINT_SIGNATURE, BundleVerifier.INCLUSION, BundleVerifier.RE_RENDERED);
    }

    @Test
    void aCheckpointSignedByAnotherKeyFailsItsSignature() {
        Checkpoint checkpoint = Checkpoint.open(sealed.checkpointNote(), TestLog.KEY).orElseThrow();
        byte[] forged = Bundles.rezipped(sealed.zip(), files -> {
            files.put("checkpoint.txt", checkpoint.sign(TestLog.FORGER).getBytes(StandardCharsets.UTF_8));
            files.put("seal-manifest.json", relisted(files));
        });

        BundleVerifier.Verification verification = verify(forged);

        assertPassed(verification, BundleVerifier.FILES, BundleVerifier.CHECKPOINT_TREE, BundleVerifier.INCLUSION);
        assertFailed(verification, BundleVerifier.CHECKPOINT_SIGNATURE, "no valid signature by " + TestLog.KEY.verifierKey());
    }

    @Test
    void aForgerWhoAlsoReplacesTheBundlesKeyFoolsOnlyAVerificationWithoutThePublishedKey() {
        Checkpoint checkpoint = Checkpoint.open(sealed.checkpointNote(), TestLog.KEY).orElseThrow();
        byte[] forged = Bundles.rezipped(sealed.zip(), files -> {
            files.put("checkpoint.txt", checkpoint.sign(TestLog.FORGER).getBytes(StandardCharsets.UTF_8));
            files.put("public-key.txt", SealedBundle.publicKeyFile(TestLog.FORGER));
            files.put("seal-manifest.json", relisted(files));
        });

        BundleVerifier.Verification ownKey = BundleVerifier.verify(forged, Optional.empty());

        assertThat(ownKey.intact()).isTrue();
        assertThat(ownKey.keyFromBundle()).isTrue();
        assertFailed(verify(forged), BundleVerifier.CHECKPOINT_SIGNATURE, "no valid signature by " + TestLog.KEY.verifierKey());
    }

    @Test
    void aDroppedEventFailsItsProofAndTheRendering() {
        String dropped = SealedBundle.eventFile(story.log.eventsUpTo(IncidentStory.INCIDENT, story.gate4Passed).get(3).leafIndex());
        byte[] forged = Bundles.rezipped(sealed.zip(), files -> {
            files.remove(dropped);
            files.put("seal-manifest.json", relisted(files));
        });

        BundleVerifier.Verification verification = verify(forged);

        assertPassed(verification, BundleVerifier.FILES);
        assertFailed(verification, BundleVerifier.INCLUSION, "which has no file in events/");
        assertFailed(verification, BundleVerifier.RE_RENDERED, "differs from its rendering from the events");
    }

    @Test
    void aFileSealingDoesNotMakeIsNamedEvenWhenListed() {
        byte[] forged = Bundles.rezipped(sealed.zip(), files -> {
            files.put("notes.txt", "nothing to see".getBytes(StandardCharsets.UTF_8));
            files.put("seal-manifest.json", relisted(files));
        });

        BundleVerifier.Verification verification = verify(forged);

        assertPassed(verification, BundleVerifier.FILES);
        assertFailed(verification, BundleVerifier.RE_RENDERED, "notes.txt is not a file that sealing makes");
    }

    @Test
    void aByteFlippedInTheRawZipFailsReadingIt() {
        byte[] zip = sealed.zip().clone();
        byte[] report = Bundles.files(zip).get("INCIDENT-REPORT.md");
        int at = indexOf(zip, report) + report.length / 2;
        zip[at] ^= 0x01;

        BundleVerifier.Verification verification = verify(zip);

        assertFailed(verification, BundleVerifier.ZIP, "INCIDENT-REPORT.md");
        assertThat(verification.checks()).hasSize(1);
    }

    @Test
    void garbageIsNoBundleAndNothingIsThrown() {
        for (byte[] garbage : List.of(new byte[0], "not a zip at all".getBytes(StandardCharsets.UTF_8), Arrays.copyOf(sealed.zip(), 100))) {
            BundleVerifier.Verification verification = verify(garbage);

            assertThat(verification.intact()).isFalse();
            assertThat(verification.checks()).extracting(BundleVerifier.Check::name).containsExactly(BundleVerifier.ZIP);
            assertThat(verification.checks().get(0).passed()).isFalse();
        }
    }

    @Test
    void anEntryThatUnpacksToMoreThanTheZipIsRefusedBeforeItIsRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("seal-manifest.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }

        BundleVerifier.Verification verification = verify(out.toByteArray());

        assertFailed(verification, BundleVerifier.ZIP, "unpacks to more bytes than the whole ZIP holds");
        assertThat(out.size()).as("64 MiB of zeros deflate to little").isLessThan(1 << 20);
    }

    @Test
    void malformedFilesAreFailedChecks() {
        byte[] noManifest = Bundles.rezipped(sealed.zip(), files -> files.put("seal-manifest.json", "{\"subject\":".getBytes(StandardCharsets.UTF_8)));
        byte[] noProofs = Bundles.rezipped(sealed.zip(), files -> {
            files.put("ledger-proofs.json", "{\"treeSize\":1}".getBytes(StandardCharsets.UTF_8));
            files.put("seal-manifest.json", relisted(files));
        });
        String trigger = SealedBundle.eventFile(story.gate4Passed.leafIndex());
        byte[] notAnEvent = Bundles.rezipped(sealed.zip(), files -> {
            files.put(trigger, "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
            files.put("seal-manifest.json", relisted(files));
        });
        byte[] badProofHash = Bundles.rezipped(sealed.zip(), files -> {
            files.put("ledger-proofs.json", new String(files.get("ledger-proofs.json"), StandardCharsets.UTF_8).replaceFirst(
                    "(\"hashes\" : \\[\\s*\")[0-9a-f]", "$1x").getBytes(StandardCharsets.UTF_8));
            files.put("seal-manifest.json", relisted(files));
        });

        assertFailed(verify(noManifest), BundleVerifier.FILES, "seal-manifest.json does not read");
        assertFailed(verify(noProofs), BundleVerifier.CHECKPOINT_TREE, "ledger-proofs.json does not read");
        assertFailed(verify(notAnEvent), BundleVerifier.EVENTS, trigger + " is not a canonical event");
        assertFailed(verify(notAnEvent), BundleVerifier.INCLUSION, trigger + " hashes to leaf");
        assertFailed(verify(badProofHash), BundleVerifier.INCLUSION, "could not be checked");
    }

    /** seal-manifest.json listing the files as they now are, as a forger would rewrite it. */
    private static byte[] relisted(SortedMap<String, byte[]> files) {
        String manifest = new String(files.get("seal-manifest.json"), StandardCharsets.UTF_8);
        String head = manifest.substring(0, manifest.indexOf("\"files\""));
        StringBuilder listed = new StringBuilder(head).append("\"files\" : [ ");
        String separator = "";
        for (var file : files.entrySet()) {
            if (!file.getKey().equals("seal-manifest.json")) {
                listed.append(separator).append("{\"name\":\"").append(file.getKey()).append("\",\"sha256\":\"")
                        .append(HashChain.sha256(file.getValue())).append("\",\"sizeBytes\":").append(file.getValue().length).append('}');
                separator = ", ";
            }
        }
        return listed.append(" ]\n}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Where {@code part} starts in {@code whole}: a stored file's bytes appear in its ZIP as they are. */
    private static int indexOf(byte[] whole, byte[] part) {
        for (int i = 0; i + part.length <= whole.length; i++) {
            if (Arrays.equals(whole, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static BundleVerifier.Verification verify(byte[] zip) {
        return BundleVerifier.verify(zip, PUBLISHED);
    }

    private static void assertFailed(BundleVerifier.Verification verification, String check, String detail) {
        assertThat(verification.intact()).isFalse();
        assertThat(verification.check(check)).as("check '%s' in %s", check, verification.checks()).hasValueSatisfying(c -> {
            assertThat(c.passed()).as(c.detail()).isFalse();
            assertThat(c.detail()).contains(detail);
        });
    }

    private static void assertPassed(BundleVerifier.Verification verification, String... checks) {
        for (String check : checks) {
            assertThat(verification.check(check)).as("check '%s' in %s", check, verification.checks())
                    .hasValueSatisfying(c -> assertThat(c.passed()).as(c.detail()).isTrue());
        }
    }
}
