package io.gatehouse.evidence.sealing;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.http.errors.ErrorAnswer;
import io.gatehouse.evidence.artifacts.Artifact;
import io.gatehouse.evidence.artifacts.Evidence;
import io.gatehouse.evidence.artifacts.EvidenceProtocol;
import io.gatehouse.evidence.artifacts.EvidenceRenderer;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.UnreadableLedgerEntry;
import io.gatehouse.evidence.ledger.LedgerEntry;
import io.gatehouse.evidence.protocols.EvidenceProtocols;
import io.gatehouse.evidence.retention.RetainedBundles;
import io.gatehouse.evidence.retention.RetentionStatus;
import io.gatehouse.evidence.store.ActiveBundles;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A subject's evidence: its sealed bundles, final and never changed, and the draft, rendered from the ledger on each
 * request while the subject has not reached its next final point. The subject's events decide its protocol: an
 * incident (protocol 17) or a release (protocol 14). The {@value #STATE} header says which one an answer is.
 */
@Path("/v1/evidence/{subject}")
public class EvidenceResource {

    /** "sealed" or "draft". */
    public static final String STATE = "Gatehouse-Evidence-State";
    /** The seal number of a sealed bundle. */
    public static final String SEAL = "Gatehouse-Evidence-Seal";
    /** The file name prefix of a draft bundle, so a saved draft cannot pass for sealed evidence. */
    public static final String DRAFT_PREFIX = "DRAFT-";

    /** "active" or "archived": where a sealed bundle was read from. */
    public static final String STORAGE = "Gatehouse-Evidence-Storage";

    private final ActiveBundles activeBundles;
    private final RetainedBundles retained;

    EvidenceResource(ActiveBundles activeBundles, RetainedBundles retained) {
        this.activeBundles = activeBundles;
        this.retained = retained;
    }

    /** One seal, as listed. */
    public record SealView(int seal, int protocol, String triggerEventId, long triggerLeafIndex, long treeSize, String bundleName,
                           String sha256, long sizeBytes, Instant sealedAt, String bundle) {
    }

    @GET
    @Path("/bundle")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Transactional
    @Operation(summary = "The latest sealed bundle (INCIDENT-EVIDENCE-BUNDLE.zip or PRE-DEPLOYMENT-PACKAGE.zip): final, signed, byte-reproducible; "
            + "header Gatehouse-Evidence-State: sealed and Gatehouse-Evidence-Seal: its number")
    @APIResponse(responseCode = "404", description = "The subject has not reached a final point yet (its draft is at /draft-bundle), or nothing is recorded about it")
    public Response bundle(@PathParam("subject") String subject) {
        SealedBundleRow latest = SealedBundleRow.latest(subject).orElseThrow(() -> notSealed(subject));
        return sealed(latest);
    }

    @GET
    @Path("/seals")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Every seal of the subject, oldest first: the event that made it final, the tree size it was sealed at, the bundle's digest")
    public List<SealView> seals(@PathParam("subject") String subject) {
        return SealedBundleRow.ofSubject(subject).stream().map(s -> new SealView(s.seal, s.protocol, s.triggerEventId, s.triggerLeafIndex, s.treeSize,
                s.bundleName, s.bundleSha256, s.sizeBytes, s.sealedAt, "/v1/evidence/" + subject + "/seals/" + s.seal + "/bundle")).toList();
    }

    @GET
    @Path("/seals/{seal}/bundle")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Transactional
    @Operation(summary = "One sealed bundle of the subject, by seal number")
    @APIResponse(responseCode = "404", description = "The subject has no seal with this number")
    public Response sealedBundle(@PathParam("subject") String subject, @PathParam("seal") int seal) {
        SealedBundleRow row = SealedBundleRow.<SealedBundleRow>find("subject = ?1 and seal = ?2", subject, seal).firstResultOptional()
                .orElseThrow(() -> notFound(new ErrorReport(ErrorReport.Severity.INFO, "sealed evidence", "subject " + subject + " has no seal " + seal,
                        "list its seals at /v1/evidence/" + subject + "/seals", "none")));
        return sealed(row);
    }

    @GET
    @Path("/draft-bundle")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Transactional
    @Operation(summary = "The draft: the bundle rendered now from every event recorded so far, not sealed, not final; saved as DRAFT-<bundle name>")
    @APIResponse(responseCode = "404", description = "Nothing is recorded about this subject")
    public Response draftBundle(@PathParam("subject") String subject) {
        Evidence evidence = evidenceOf(subject);
        return Response.ok(evidence.bundle(), "application/zip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + DRAFT_PREFIX + evidence.bundleName() + "\"")
                .header(STATE, "draft")
                .build();
    }

    @GET
    @Path("/artifacts/{name}")
    @Transactional
    @Operation(summary = "One artifact of the subject's draft evidence (an incident's or a release's), or its evidence-manifest.json, rendered now")
    @APIResponse(responseCode = "404", description = "Nothing is recorded about this subject, or no artifact has this name")
    public Response artifact(@PathParam("subject") String subject, @PathParam("name") String name) {
        Evidence evidence = evidenceOf(subject);
        Artifact artifact = evidence.file(name).orElseThrow(() -> notFound(new ErrorReport(ErrorReport.Severity.INFO, "evidence artifact",
                "protocol " + evidence.protocol() + " has no artifact named " + name,
                "ask for one of " + String.join(", ", evidence.artifacts().stream().map(Artifact::name).toList()) + " or "
                        + Evidence.MANIFEST + "; the whole set is at /v1/evidence/" + subject + "/bundle",
                "none")));
        return Response.ok(artifact.bytes(), artifact.mediaType()).header(STATE, "draft").build();
    }

    /** A sealed bundle from wherever retention keeps it: the active store, the archive, or nowhere (410, naming the deletion). */
    private Response sealed(SealedBundleRow row) {
        RetentionStatus status = retained.statusOf(row.subject, row.seal).orElse(RetentionStatus.ACTIVE);
        if (status == RetentionStatus.DELETED) {
            throw ErrorAnswer.of(Response.Status.GONE, RetainedBundles.goneReport(retained.deletion(row.subject, row.seal).orElseThrow()));
        }
        byte[] bytes = (status == RetentionStatus.ARCHIVED ? retained.archivedBundle(row.bundleSha256) : activeBundles.read(row.bundleSha256))
                .orElseThrow(() -> ErrorAnswer.of(Response.Status.NOT_FOUND, new ErrorReport(ErrorReport.Severity.CRITICAL, "sealed evidence",
                        "the bundle of seal " + row.seal + " of " + row.subject + " (SHA-256 " + row.bundleSha256 + ") is missing from the "
                                + status.name().toLowerCase(Locale.ROOT) + " store",
                        "restore it from a backup or rebuild it with deploy/local/gatehouse audit replay, which seals the same bytes",
                        "this seal cannot be served until it is restored")));
        return Response.ok(bytes, "application/zip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + row.bundleName + "\"")
                .header(HttpHeaders.ETAG, "\"" + row.bundleSha256 + "\"")
                .header(STATE, "sealed")
                .header(SEAL, row.seal)
                .header(STORAGE, status.name().toLowerCase(Locale.ROOT))
                .build();
    }

    private static WebApplicationException notSealed(String subject) {
        boolean recorded = LedgerEntry.count("subject", subject) > 0;
        return notFound(new ErrorReport(ErrorReport.Severity.INFO, "sealed evidence",
                recorded ? "subject " + subject + " has not reached a point its protocol calls final, so nothing is sealed yet"
                        : "nothing is recorded about subject " + subject,
                recorded ? "the draft, rendered from what is recorded so far, is at /v1/evidence/" + subject + "/draft-bundle; "
                        + "an incident is sealed when it closes, a release at each decision"
                        : "check the incident or release id; events may still be on their way",
                "none"));
    }

    private Evidence evidenceOf(String subject) {
        List<LedgerEntry> entries = LedgerEntry.ofSubject(subject);
        if (entries.isEmpty()) {
            throw notFound(new ErrorReport(ErrorReport.Severity.INFO, "evidence artifacts", "nothing is recorded about subject " + subject,
                    "check the incident or release id; events may still be on their way", "none"));
        }
        Set<String> types = entries.stream().map(e -> e.type).collect(Collectors.toSet());
        EvidenceProtocol protocol = EvidenceProtocols.covering(types)
                .orElseThrow(() -> notFound(new ErrorReport(ErrorReport.Severity.INFO, "evidence artifacts",
                        "artifacts are rendered for incidents and releases, and subject " + subject
                                + " has neither an opened incident nor a registered release or pipeline result in the ledger",
                        "for an alert group, read the recorded events at /v1/evidence/" + subject + "/manifest", "none")));
        try {
            return EvidenceRenderer.render(protocol, subject, entries.stream().map(e -> LedgerEvent.of(e.seq, e.eventId, e.type, e.time, e.canonical)).toList());
        } catch (UnreadableLedgerEntry e) {
            throw ErrorAnswer.of(Response.Status.INTERNAL_SERVER_ERROR, new ErrorReport(ErrorReport.Severity.CRITICAL, "evidence artifacts", e.getMessage(),
                            "run GET /v1/evidence/ledger/verification to see whether the ledger was altered, and restore entry " + e.seq(),
                            "no evidence of subject " + subject + " can be rendered until the entry is readable"));
        }
    }

    private static WebApplicationException notFound(ErrorReport report) {
        return ErrorAnswer.of(Response.Status.NOT_FOUND, report);
    }
}
