package io.gatehouse.evidence.manifest;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.evidence.ledger.Ledger;
import io.gatehouse.evidence.ledger.LedgerEntry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Manifests of the evidence recorded per subject. */
@Path("/v1/evidence/{subject}")
@Produces(MediaType.APPLICATION_JSON)
public class ManifestResource {

    private final Ledger ledger;

    ManifestResource(Ledger ledger) {
        this.ledger = ledger;
    }

    @GET
    @Path("/manifest")
    @Operation(summary = "The subject's recorded events with their SHA-256, and the ledger's chain head")
    @APIResponse(responseCode = "404", description = "Nothing is recorded about this subject")
    public Response manifest(@PathParam("subject") String subject) {
        List<LedgerEntry> entries = LedgerEntry.ofSubject(subject);
        if (entries.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).entity(new ErrorReport(ErrorReport.Severity.INFO, "evidence manifest",
                    "nothing is recorded about subject " + subject,
                    "check the subject id (an incident id, a release id or an alert group); events may still be on their way",
                    "none")).build();
        }
        return Response.ok(SubjectManifest.of(subject, entries, ledger.head())).build();
    }
}
