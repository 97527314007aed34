package io.gatehouse.evidence.sealing;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.evidence.artifacts.Artifact;
import io.gatehouse.evidence.artifacts.Evidence;
import io.gatehouse.evidence.artifacts.EvidenceProtocol;
import io.gatehouse.evidence.artifacts.EvidenceRenderer;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.UnreadableLedgerEntry;
import io.gatehouse.evidence.ledger.LedgerEntry;
import io.gatehouse.evidence.protocols.EvidenceProtocols;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A subject's evidence, rendered from the ledger on every request: nothing is stored besides the events, so what is
 * served is always what the recorded events say. The subject's events decide its protocol: an incident (protocol 17)
 * or a release (protocol 14), each protocol saying which events make a subject its own.
 */
@Path("/v1/evidence/{subject}")
public class EvidenceResource {

    @GET
    @Path("/artifacts/{name}")
    @Operation(summary = "One of the subject's evidence artifacts (an incident's or a release's), or its evidence-manifest.json")
    @APIResponse(responseCode = "404", description = "Nothing is recorded about this subject, or no artifact has this name")
    public Response artifact(@PathParam("subject") String subject, @PathParam("name") String name) {
        Evidence evidence = evidenceOf(subject);
        Artifact artifact = evidence.file(name).orElseThrow(() -> notFound(new ErrorReport(ErrorReport.Severity.INFO, "evidence artifact",
                "protocol " + evidence.protocol() + " has no artifact named " + name,
                "ask for one of " + String.join(", ", evidence.artifacts().stream().map(Artifact::name).toList()) + " or "
                        + Evidence.MANIFEST + "; the whole set is at /v1/evidence/" + subject + "/bundle",
                "none")));
        return Response.ok(artifact.bytes(), artifact.mediaType()).build();
    }

    @GET
    @Path("/bundle")
    @Operation(summary = "INCIDENT-EVIDENCE-BUNDLE.zip or PRE-DEPLOYMENT-PACKAGE.zip: every artifact and the manifest, bit-for-bit reproducible")
    @APIResponse(responseCode = "404", description = "Nothing is recorded about this subject")
    public Response bundle(@PathParam("subject") String subject) {
        Evidence evidence = evidenceOf(subject);
        return Response.ok(evidence.bundle(), "application/zip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + evidence.bundleName() + "\"")
                .build();
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
            throw new WebApplicationException(Response.serverError().type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorReport(ErrorReport.Severity.CRITICAL, "evidence artifacts", e.getMessage(),
                            "run GET /v1/evidence/ledger/verification to see whether the ledger was altered, and restore entry " + e.seq(),
                            "no evidence of subject " + subject + " can be rendered until the entry is readable"))
                    .build());
        }
    }

    private static WebApplicationException notFound(ErrorReport report) {
        return new WebApplicationException(Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON).entity(report).build());
    }
}
