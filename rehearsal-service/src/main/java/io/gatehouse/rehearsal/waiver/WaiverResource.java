package io.gatehouse.rehearsal.waiver;

import io.gatehouse.events.GateWaiverGranted;
import io.gatehouse.rehearsal.errors.InvalidRequest;
import io.gatehouse.rehearsal.gates.Gates;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import io.gatehouse.rehearsal.policy.WaiverRule;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Gate waivers over HTTP. Who waived is the token's principal, in the role the policy names for the gate. */
@Path("/v1/releases/{id}/gates/{gate}/waivers")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "The body is incomplete; it says what is missing")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's person does not hold a role that may waive this gate")
@APIResponse(responseCode = "404", description = "No release has this id")
@APIResponse(responseCode = "409", description = "The protocol forbids waiving this gate, or it has not failed; the body states the gate's criteria "
        + "and what is actual")
public class WaiverResource {

    public record WaiverRequest(String riskAssessment, String compensatingControls, Instant expiresAt) {
    }

    /**
     * @param outcome the gate's outcome after this waiver
     * @param awaiting the roles whose waiver the gate still needs
     */
    public record WaiverView(String eventId, int gate, String grantedBy, String role, Instant grantedAt, Instant expiresAt, String outcome,
                             List<String> awaiting) {
    }

    private final GateWaivers waivers;
    private final ReleasePolicy policy;
    private final SecurityIdentity caller;

    WaiverResource(GateWaivers waivers, ReleasePolicy policy, SecurityIdentity caller) {
        this.waivers = waivers;
        this.policy = policy;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Waive a failed gate: gate 1 by the release manager; gate 3 by the CISO and the CTO, each with compensating controls; "
            + "gates 2 and 4 never")
    @APIResponse(responseCode = "201", description = "The waiver is recorded; the gate counts as waived once every required role waived it")
    public Response waive(@PathParam("id") String id, @PathParam("gate") int gate, WaiverRequest request) {
        if (gate < Gates.FIRST || gate > Gates.LAST) {
            throw invalid(gate, "protocol 14 has gates 1 to 4, not " + gate);
        }
        Optional<WaiverRule> rule = policy.waiverFor(gate);
        List<String> held = List.of();
        if (rule.isPresent()) {
            held = rule.get().roles().stream().filter(caller::hasRole).toList();
            if (held.isEmpty()) {
                throw new ForbiddenException("a waiver of gate " + gate + " needs the role " + String.join(" or ", rule.get().roles())
                        + (rule.get().roles().size() > 1 ? " (one waiver from each)" : ""));
            }
            if (request == null || blank(request.riskAssessment())) {
                throw invalid(gate, "a waiver needs a written riskAssessment");
            }
            if (rule.get().compensatingControlsRequired() && blank(request.compensatingControls())) {
                throw invalid(gate, "a waiver of gate " + gate + " needs its compensatingControls documented");
            }
        }
        WaiverRequest body = request == null ? new WaiverRequest(null, null, null) : request;
        GateWaivers.Given given = waivers.waive(id, gate, caller.getPrincipal().getName(), held,
                new GateWaivers.Request(body.riskAssessment(), body.compensatingControls(), body.expiresAt()));
        GateWaiverGranted event = given.event();
        return Response.status(Response.Status.CREATED).entity(new WaiverView(given.eventId(), gate, event.getGrantedBy(), event.getRole(),
                event.getGrantedAt(), event.getExpiresAt(), given.outcome().name(), given.awaiting())).build();
    }

    private static InvalidRequest invalid(int gate, String context) {
        return new InvalidRequest("gate " + gate + " waiver", context,
                "send {\"riskAssessment\": \"...\", \"compensatingControls\": \"...\", \"expiresAt\": \"...\"}");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
