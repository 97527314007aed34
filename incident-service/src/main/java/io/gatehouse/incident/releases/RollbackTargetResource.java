package io.gatehouse.incident.releases;

import io.gatehouse.errors.ErrorReport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What a commander asks before choosing a rollback: may this service go back to that release? The answer is what
 * the readiness check will read, so it can be asked before a mitigation is planned.
 */
@Path("/v1/rollback-targets/{release}")
@Produces(MediaType.APPLICATION_JSON)
public class RollbackTargetResource {

    @GET
    @Operation(summary = "The release's latest rollback rehearsal as protocol 14 assessed it (succeeded, duration against the RTO, "
            + "the RollbackRehearsalAssessed event), as incident-service knows it from gatehouse.releases")
    @APIResponse(responseCode = "404", description = "No rollback rehearsal of this release has reached incident-service")
    public Response rehearsal(@PathParam("release") String release) {
        return RollbackRehearsal.latestOf(release)
                .map(assessment -> Response.ok(assessment).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                        .entity(new ErrorReport(ErrorReport.Severity.INFO, "rollback target lookup",
                                "no rollback rehearsal of release " + release + " has reached incident-service",
                                "publish the release's rollback rehearsal to intake-service (protocol 14); it arrives on gatehouse.releases",
                                "a rollback to this release cannot pass gate 2 without a waiver"))
                        .build());
    }
}
