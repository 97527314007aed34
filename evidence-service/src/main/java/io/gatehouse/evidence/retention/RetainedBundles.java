package io.gatehouse.evidence.retention;

import io.gatehouse.errors.ErrorReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What retention has done to a seal's bundle, for whoever serves sealed bundles: where the bundle is kept now, its
 * bytes when they are in the archive, and the action that deleted it.
 */
@ApplicationScoped
public class RetainedBundles {

    private final ArchiveStore archive;

    RetainedBundles(ArchiveStore archive) {
        this.archive = archive;
    }

    /** Where the seal's bundle is kept; empty when the subject has no such seal. */
    public Optional<RetentionStatus> statusOf(String subject, int seal) {
        return RetainedBundle.statusOf(subject, seal);
    }

    /**
     * The archived bundle with this digest, its bytes checked against it; empty when the archive holds none.
     *
     * @throws IllegalArgumentException when {@code bundleSha256} is not a SHA-256 in lowercase hex
     * @throws DamagedArchive when the archive's file does not have the digest ({@link DamagedArchive#report()} says so
     *     in the error shape)
     */
    public Optional<byte[]> archivedBundle(String bundleSha256) {
        return archive.read(bundleSha256);
    }

    /** The action that moved the seal's bundle to the archive, if retention did. */
    public Optional<CleanupAction> archiving(String subject, int seal) {
        return CleanupRecord.of(subject, seal, CleanupAction.Kind.ARCHIVED);
    }

    /** The action that deleted the seal's bundle, if retention did. */
    public Optional<CleanupAction> deletion(String subject, int seal) {
        return CleanupRecord.of(subject, seal, CleanupAction.Kind.DELETED);
    }

    /** The body of a 410 Gone for a bundle that retention deleted, naming the action. */
    public static ErrorReport goneReport(CleanupAction deletion) {
        return new ErrorReport(ErrorReport.Severity.INFO, "sealed evidence bundle",
                "the bundle of seal " + deletion.seal() + " of " + deletion.subject() + " (SHA-256 " + deletion.bundleSha256()
                        + ") was deleted by retention at " + deletion.appliedAt() + ": its archive period ended at " + deletion.periodEndedAt()
                        + " under " + deletion.policy(),
                "every retention action is listed at /v1/evidence/" + deletion.subject() + "/" + CleanupLog.NAME
                        + "; the subject's events stay in the ledger (/v1/evidence/" + deletion.subject() + "/manifest), from which its evidence can be rendered again",
                "the sealed bundle can no longer be served");
    }
}
