package io.gatehouse.rehearsal.approval;

import io.gatehouse.events.ApprovalGranted;
import io.gatehouse.rehearsal.errors.InvalidRequest;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Approvals over HTTP. Who approved is the token's principal, in the role the approval's kind needs: quality audit
 * readiness the senior quality engineer, scope fixed the product owner, staging rehearsal clearance the security lead,
 * readiness the release manager and each role the policy adds.
 */
@Path("/v1/releases/{id}/approvals")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "The body is incomplete; it says what is missing")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's person does not hold the role this kind of approval needs")
@APIResponse(responseCode = "404", description = "No release has this id")
@APIResponse(responseCode = "409", description = "A readiness approval before gates 1 to 3 passed or were waived; the body says their standing")
public class ApprovalResource {

    public record ApprovalRequest(String kind, Instant expiresAt, String note) {
    }

    public record ApprovalView(String eventId, String kind, String approver, String role, Instant grantedAt, Instant expiresAt, String note,
                               String evidenceDigest) {
    }

    private final ReleaseApprovals approvals;
    private final ReleasePolicy policy;
    private final SecurityIdentity caller;

    ApprovalResource(ReleaseApprovals approvals, ReleasePolicy policy, SecurityIdentity caller) {
        this.approvals = approvals;
        this.policy = policy;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Approve the release: an upstream approval (gate 1) or a readiness approval (gate 4)")
    @APIResponse(responseCode = "201", description = "Approved; the release's gates are evaluated again")
    public Response approve(@PathParam("id") String id, ApprovalRequest request) {
        if (request == null || request.kind() == null || !policy.approvals().knows(request.kind())) {
            throw new InvalidRequest("approval", "kind must be one of " + ReleasePolicy.READINESS + ", "
                    + String.join(", ", policy.approvals().upstream().keySet()), "send {\"kind\": \"...\", \"expiresAt\": \"...\", \"note\": \"...\"}");
        }
        List<String> roles = policy.approvals().rolesFor(request.kind());
        List<String> held = roles.stream().filter(caller::hasRole).toList();
        if (held.isEmpty()) {
            throw new ForbiddenException("a " + request.kind() + " approval needs the role " + String.join(" or ", roles));
        }
        ReleaseApprovals.Given given = approvals.approve(id, caller.getPrincipal().getName(), request.kind(), held, request.expiresAt(),
                request.note());
        ApprovalGranted event = given.event();
        return Response.status(Response.Status.CREATED).entity(new ApprovalView(given.eventId(), event.getKind(), event.getApprover(),
                event.getRole(), event.getGrantedAt(), event.getExpiresAt(), event.getNote(), event.getEvidenceDigest())).build();
    }
}
