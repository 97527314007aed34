package io.gatehouse.evidence.retention;

import io.gatehouse.errors.ErrorReport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** What retention did to a subject's sealed evidence. */
@Path("/v1/evidence/{subject}")
public class CleanupLogResource {

    @GET
    @Path("/" + CleanupLog.NAME)
    @Operation(summary = "Every retention action on the subject's sealed bundles (archived, deleted), in the order taken, with the policy applied")
    @APIResponse(responseCode = "404", description = "The subject has no sealed evidence")
    public Response cleanupLog(@PathParam("subject") String subject) {
        if (RetainedBundle.count("subject", subject) == 0) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorReport(ErrorReport.Severity.INFO, "evidence cleanup log", "subject " + subject + " has no sealed evidence",
                            "evidence is sealed when an incident is closed or a release is decided; what is recorded about the subject is at /v1/evidence/"
                                    + subject + "/manifest",
                            "none"))
                    .build();
        }
        return Response.ok(CleanupLog.of(subject, CleanupRecord.ofSubject(subject)).bytes(), MediaType.APPLICATION_JSON).build();
    }
}
