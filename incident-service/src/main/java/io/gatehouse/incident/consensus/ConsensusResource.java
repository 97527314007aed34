package io.gatehouse.incident.consensus;

import io.gatehouse.events.Severity;
import io.gatehouse.events.SeverityVerdict;
import io.gatehouse.incident.errors.ActionRefused;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Responders' and the incident commander's phase 1 actions. Who acted is the token's principal; a name in the
 * body is ignored.
 */
@Path("/v1/incidents/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's person does not hold the role")
@APIResponse(responseCode = "404", description = "No incident has this id")
@APIResponse(responseCode = "409", description = "The incident's state does not allow it; the body says why")
public class ConsensusResource {

    /** Confirming: an incident commander may settle on another severity than the proposed one. */
    public record Confirmation(Severity severity, String note) {
    }

    public record Dispute(Severity suggestedSeverity, String note) {
    }

    public record FalsePositive(String reason) {
    }

    private final SeverityConsensus consensus;
    private final SecurityIdentity caller;

    ConsensusResource(SeverityConsensus consensus, SecurityIdentity caller) {
        this.consensus = consensus;
        this.caller = caller;
    }

    @POST
    @Path("/severity/confirmation")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER})
    @Operation(summary = "Confirm the proposed severity; from the incident commander this settles it")
    public Response confirm(@PathParam("id") String id, Confirmation confirmation) {
        Confirmation body = confirmation == null ? new Confirmation(null, null) : confirmation;
        if (caller.hasRole(Roles.INCIDENT_COMMANDER)) {
            return Response.ok(Map.of("settled", true, "severity", consensus.confirm(id, person(), body.severity(), body.note()).getSeverity())).build();
        }
        if (body.severity() != null) {
            throw new ActionRefused("severity review", "a responder confirms the proposed severity as it is",
                    "to suggest another severity, dispute it (POST /v1/incidents/" + id + "/severity/dispute)");
        }
        consensus.review(id, person(), SeverityVerdict.CONFIRMED, null, body.note());
        return Response.ok(Map.of("settled", false)).build();
    }

    @POST
    @Path("/severity/dispute")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER})
    @Operation(summary = "Dispute the proposed severity, with a reason and optionally the severity you would give")
    public Response dispute(@PathParam("id") String id, Dispute dispute) {
        if (dispute == null || dispute.note() == null || dispute.note().isBlank()) {
            throw new ActionRefused("severity review", "a dispute needs a note saying why", "send {\"note\": \"...\", \"suggestedSeverity\": \"SEV_2\"}");
        }
        consensus.review(id, person(), SeverityVerdict.DISPUTED, dispute.suggestedSeverity(), dispute.note());
        return Response.ok(Map.of("settled", false)).build();
    }

    @POST
    @Path("/false-positive")
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER})
    @Operation(summary = "Close the incident as a false positive, with the reason")
    public Response falsePositive(@PathParam("id") String id, FalsePositive falsePositive) {
        if (falsePositive == null || falsePositive.reason() == null || falsePositive.reason().isBlank()) {
            throw new ActionRefused("false positive", "marking a false positive needs a reason", "send {\"reason\": \"...\"}");
        }
        consensus.markFalsePositive(id, person(), falsePositive.reason());
        return Response.ok(Map.of("status", "FALSE_POSITIVE")).build();
    }

    private String person() {
        return caller.getPrincipal().getName();
    }
}
