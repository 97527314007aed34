package io.gatehouse.incident.signoff;

import io.gatehouse.events.SignOffVerdict;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.incident.errors.InvalidRequest;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Reviewer sign-off over HTTP. Who reviewed is the token's principal. */
@Path("/v1/incidents/{id}/signoff")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No incident has this id")
public class SignOffResource {

    /** {@code role} is needed only from someone who holds both the incident commander and performance engineer roles. */
    public record Review(SignOffVerdict verdict, String rationale, String role) {
    }

    public record SignOffView(String reviewer, String role, String reviewed, String verdict, String rationale, Instant reviewedAt) {
    }

    public record StatusView(boolean complete, List<SignOffView> signOffs) {
    }

    private final ResolutionSignOff signOff;
    private final SecurityIdentity caller;

    SignOffResource(ResolutionSignOff signOff, SecurityIdentity caller) {
        this.signOff = signOff;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.PERFORMANCE_ENGINEER})
    @Operation(summary = "Approve or reject, with a rationale: the resolution as incident commander, the recovery validation as performance engineer")
    @APIResponse(responseCode = "409", description = "There is nothing to review yet: no resolution, or no recovery validation that passed")
    public StatusView review(@PathParam("id") String id, Review review) {
        if (review == null || review.verdict() == null || review.rationale() == null || review.rationale().isBlank()) {
            throw new InvalidRequest("reviewer sign-off", "a sign-off needs a verdict (APPROVED or REJECTED) and a rationale",
                    "send {\"verdict\": \"APPROVED\", \"rationale\": \"...\"}");
        }
        signOff.signOff(id, caller.getPrincipal().getName(), roleFor(review.role()), review.verdict(), review.rationale());
        return status(id);
    }

    @GET
    @Operation(summary = "The sign-offs given, and whether both the resolution and the recovery validation are approved")
    public StatusView status(@PathParam("id") String id) {
        ResolutionSignOff.Status status = signOff.statusOf(id);
        return new StatusView(status.complete(), status.signOffs().stream().map(s -> new SignOffView(s.reviewer, s.role, s.reviewed.name(),
                s.verdict.name(), s.rationale, s.reviewedAt)).toList());
    }

    private String roleFor(String named) {
        List<String> held = Stream.of(Roles.INCIDENT_COMMANDER, Roles.PERFORMANCE_ENGINEER).filter(caller::hasRole).toList();
        if (named != null && held.contains(named)) {
            return named;
        }
        if (named != null || held.size() != 1) {
            throw new InvalidRequest("reviewer sign-off", named == null ? "you hold both the incident commander and performance engineer roles"
                    : "you do not review as " + named, "name the role you review in: {\"role\": \"incident-commander\"} or \"performance-engineer\"");
        }
        return held.get(0);
    }
}
