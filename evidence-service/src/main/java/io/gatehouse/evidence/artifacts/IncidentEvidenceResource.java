package io.gatehouse.evidence.artifacts;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.events.IncidentOpened;
import io.gatehouse.evidence.ledger.LedgerEntry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Protocol 17's evidence of an incident, rendered from the ledger on every request: nothing is stored besides the
 * events, so what is served is always what the recorded events say.
 */
@Path("/v1/evidence/{subject}")
public class IncidentEvidenceResource {

    private static final String INCIDENT_OPENED = IncidentOpened.getClassSchema().getFullName();

    @GET
    @Path("/artifacts/{name}")
    @Operation(summary = "One of the incident's evidence artifacts, or its evidence-manifest.json")
    @APIResponse(responseCode = "404", description = "Nothing is recorded about this incident, or no artifact has this name")
    public Response artifact(@PathParam("subject") String subject, @PathParam("name") String name) {
        IncidentEvidence evidence = evidenceOf(subject);
        Artifact artifact = evidence.file(name).orElseThrow(() -> notFound(new ErrorReport(ErrorReport.Severity.INFO, "evidence artifact",
                "protocol 17 has no artifact named " + name,
                "ask for one of " + String.join(", ", evidence.artifacts().stream().map(Artifact::name).toList()) + " or "
                        + IncidentEvidence.MANIFEST + "; the whole set is at /v1/evidence/" + subject + "/bundle",
                "none")));
        return Response.ok(artifact.bytes(), artifact.mediaType()).build();
    }

    @GET
    @Path("/bundle")
    @Operation(summary = "INCIDENT-EVIDENCE-BUNDLE.zip: every artifact and the manifest, bit-for-bit reproducible")
    @APIResponse(responseCode = "404", description = "Nothing is recorded about this incident")
    public Response bundle(@PathParam("subject") String subject) {
        return Response.ok(evidenceOf(subject).bundle(), "application/zip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + IncidentEvidence.BUNDLE + "\"")
                .build();
    }

    private static IncidentEvidence evidenceOf(String subject) {
        List<LedgerEntry> entries = LedgerEntry.ofSubject(subject);
        if (entries.isEmpty()) {
            throw notFound(new ErrorReport(ErrorReport.Severity.INFO, "evidence artifacts", "nothing is recorded about subject " + subject,
                    "check the incident id; events may still be on their way", "none"));
        }
        if (entries.stream().noneMatch(e -> INCIDENT_OPENED.equals(e.type))) {
            throw notFound(new ErrorReport(ErrorReport.Severity.INFO, "evidence artifacts",
                    "artifacts are rendered for incidents only so far, and subject " + subject + " has no " + INCIDENT_OPENED + " in the ledger",
                    "for a release or an alert group, read the recorded events at /v1/evidence/" + subject + "/manifest", "none"));
        }
        try {
            return IncidentEvidenceRenderer.render(subject, entries.stream().map(LedgerEvent::of).toList());
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
