package io.gatehouse.incident.resolution;

import io.gatehouse.events.RootCauseEvidenceKind;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.incident.errors.InvalidRequest;
import io.gatehouse.incident.gates.GateVerdict;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Phase 4 over HTTP. */
@Path("/v1/incidents/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ResolutionResource {

    public record RootCauseEvidence(RootCauseEvidenceKind kind, String title, String location, String sha256) {
    }

    public record Resolution(String summary, Boolean sloRestored, List<String> followUps) {
    }

    private final IncidentResolution resolution;
    private final SecurityIdentity caller;

    ResolutionResource(IncidentResolution resolution, SecurityIdentity caller) {
        this.resolution = resolution;
        this.caller = caller;
    }

    @POST
    @Path("/root-cause-evidence")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RESPONDER})
    @Operation(summary = "Archive one piece of root-cause evidence (log, dashboard, diff, trace)")
    public Response archive(@PathParam("id") String id, RootCauseEvidence evidence) {
        if (evidence == null || evidence.kind() == null || blank(evidence.title()) || blank(evidence.location())) {
            throw new InvalidRequest("root-cause evidence", "an item needs a kind, a title and a location", "send {\"kind\", \"title\", \"location\"}");
        }
        resolution.archive(id, caller.getPrincipal().getName(), evidence.kind(), evidence.title(), evidence.location(), evidence.sha256());
        return Response.ok(Map.of("archived", true)).build();
    }

    @POST
    @Path("/resolution")
    @RolesAllowed(Roles.INCIDENT_COMMANDER)
    @Operation(summary = "Record the resolution; stakeholders are told, and the incident closes when gate 4 passes")
    public GateVerdict resolve(@PathParam("id") String id, Resolution body) {
        if (body == null || blank(body.summary()) || body.sloRestored() == null) {
            throw new InvalidRequest("resolution", "a resolution needs a summary and whether the SLOs are restored",
                    "send {\"summary\", \"sloRestored\", \"followUps\": [...]}");
        }
        return resolution.resolve(id, caller.getPrincipal().getName(), body.summary(), body.sloRestored(),
                body.followUps() == null ? List.of() : body.followUps());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
