package io.gatehouse.incident.mitigation;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.events.AffectedScope;
import io.gatehouse.events.MitigationKind;
import io.gatehouse.events.MitigationOption;
import io.gatehouse.incident.Mitigation;
import io.gatehouse.incident.consensus.Roles;
import io.gatehouse.incident.errors.IncidentNotFound;
import io.gatehouse.incident.errors.InvalidRequest;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Phase 2 over HTTP. Who acted is the token's principal; a name in the body is ignored. */
@Path("/v1/incidents/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "The body is incomplete; it says what is missing")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's person does not hold the role")
@APIResponse(responseCode = "409", description = "The incident's state does not allow it; the body says why")
public class MitigationResource {

    public record Option(MitigationKind kind, String description, List<String> pros, List<String> cons, List<String> risks) {
    }

    public record Scope(List<String> services, List<String> regions, String description) {
    }

    public record Plan(List<Option> options, MitigationKind chosen, Scope scope, String previousRelease) {
    }

    public record Readiness(Boolean rollbackScriptPresent, Boolean dataBackupVerified) {
    }

    /** One checked item; {@code evidenceEventId} is the event its finding rests on, null when there is none. */
    public record ReadinessItemView(String name, String status, String detail, String evidenceEventId) {
    }

    public record ReadinessView(double coverage, List<ReadinessItemView> items) {
    }

    /** {@code role} is needed only from someone who holds both the incident commander and release manager roles. */
    public record Approval(String role, String note) {
    }

    public record Waiver(String role, String riskAssessment) {
    }

    /** {@code rollbackRequestedBy} is kept for clients of the first version; {@code executionRequestedBy} says the same for any kind. */
    public record MitigationView(String chosen, String previousRelease, String scope, Double readinessCoverage, String approvedByCommander,
                                 String approvedByReleaseManager, String waivedByCommander, String waivedByReleaseManager, String gate2,
                                 String rollbackRequestedBy, String executionRequestedBy, String execution, Double recoveryPassRate, String gate3) {
    }

    private final MitigationPlanning planning;
    private final SecurityIdentity caller;

    MitigationResource(MitigationPlanning planning, SecurityIdentity caller) {
        this.planning = planning;
        this.caller = caller;
    }

    @POST
    @Path("/mitigation/plan")
    @RolesAllowed(Roles.INCIDENT_COMMANDER)
    @Operation(summary = "Record the mitigation options (pros, cons, risks), the chosen one and the affected scope")
    public Response plan(@PathParam("id") String id, Plan plan) {
        if (plan == null || plan.options() == null || plan.options().isEmpty()) {
            throw invalid("mitigation plan", "the plan lists no options");
        }
        for (Option option : plan.options()) {
            if (option.kind() == null || blank(option.description()) || empty(option.pros()) || empty(option.cons()) || empty(option.risks())) {
                throw invalid("mitigation plan", "every option needs a kind, a description, pros, cons and risks");
            }
        }
        if (plan.chosen() == null || plan.options().stream().noneMatch(o -> o.kind() == plan.chosen())) {
            throw invalid("mitigation plan", "the chosen mitigation must be one of the options");
        }
        if (plan.scope() == null || blank(plan.scope().description())) {
            throw invalid("mitigation plan", "the affected scope needs a description");
        }
        planning.plan(id, person(), plan.options().stream().map(o -> MitigationOption.newBuilder().setKind(o.kind())
                        .setDescription(o.description()).setPros(o.pros()).setCons(o.cons()).setRisks(o.risks()).build()).toList(),
                plan.chosen(), AffectedScope.newBuilder().setServices(listOrEmpty(plan.scope().services()))
                        .setRegions(listOrEmpty(plan.scope().regions())).setDescription(plan.scope().description()).build(),
                blank(plan.previousRelease()) ? null : plan.previousRelease());
        return Response.ok(Map.of("chosen", plan.chosen())).build();
    }

    @POST
    @Path("/mitigation/readiness")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RELEASE_MANAGER})
    @Operation(summary = "Check the rollback readiness checklist; the previous release's rollback rehearsal is the one protocol 14 "
            + "assessed (RollbackRehearsalAssessed), cited by its event id")
    public ReadinessView readiness(@PathParam("id") String id, Readiness readiness) {
        Readiness body = readiness == null ? new Readiness(null, null) : readiness;
        var verified = planning.verifyReadiness(id, person(), body.rollbackScriptPresent(), body.dataBackupVerified());
        return new ReadinessView(verified.getCoverage(), verified.getItems().stream()
                .map(i -> new ReadinessItemView(i.getName(), i.getStatus().name(), i.getDetail(), i.getEvidenceEventId())).toList());
    }

    @POST
    @Path("/mitigation/approval")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RELEASE_MANAGER})
    @Operation(summary = "Approve the chosen mitigation as incident commander or release manager")
    public Response approve(@PathParam("id") String id, Approval approval) {
        Approval body = approval == null ? new Approval(null, null) : approval;
        planning.approve(id, person(), roleFor(body.role()), body.note());
        return Response.ok(Map.of("approved", true)).build();
    }

    @POST
    @Path("/gates/2/waiver")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RELEASE_MANAGER})
    @Operation(summary = "Waive gate 2 with a written risk assessment; it counts once both roles have waived it")
    public Response waive(@PathParam("id") String id, Waiver waiver) {
        if (waiver == null || blank(waiver.riskAssessment())) {
            throw invalid("gate 2 waiver", "a waiver needs a written risk assessment");
        }
        planning.waive(id, person(), roleFor(waiver.role()), waiver.riskAssessment());
        return Response.ok(Map.of("waived", true)).build();
    }

    @POST
    @Path("/rollback")
    @RolesAllowed(Roles.INCIDENT_COMMANDER)
    @Operation(summary = "Request the rollback, when a rollback is the chosen mitigation; refused (and recorded) unless severity is confirmed, "
            + "scope recorded and gate 2 passed or waived")
    @APIResponse(responseCode = "202", description = "RollbackRequested was issued to the deployment system")
    public Response rollback(@PathParam("id") String id) {
        return answer(planning.execute(id, person(), true));
    }

    @POST
    @Path("/mitigation/execution")
    @RolesAllowed(Roles.INCIDENT_COMMANDER)
    @Operation(summary = "Execute the chosen mitigation (rollback, feature-flag disable or hotfix); refused (and recorded) unless severity is "
            + "confirmed, scope recorded and gate 2 passed or waived")
    @APIResponse(responseCode = "202", description = "RollbackRequested or MitigationExecutionRequested was issued to the deployment system")
    public Response execute(@PathParam("id") String id) {
        return answer(planning.execute(id, person(), false));
    }

    private static Response answer(MitigationPlanning.ExecutionDecision decision) {
        if (!decision.requested()) {
            ErrorReport refusal = new ErrorReport(ErrorReport.Severity.CRITICAL, "mitigation execution",
                    "refused: " + String.join("; ", decision.missingConditions()),
                    "meet every condition first: severity confirmed, scope recorded in the mitigation plan, gate 2 passed or waived",
                    "nothing was executed; the refusal is recorded");
            // A refusal that rests on gate 2 is the gate's refusal: it says the gate's criteria and what was actual.
            if (decision.gate2() != null) {
                refusal = refusal.againstCriteria(decision.gate2().criteria(), decision.gate2().actual());
            }
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON).entity(refusal).build();
        }
        return Response.accepted(Map.of("requested", true, "kind", decision.kind())).build();
    }

    @GET
    @Path("/mitigation")
    @Operation(summary = "The incident's mitigation: chosen option, readiness, approvals, waivers, gate 2")
    public MitigationView mitigation(@PathParam("id") String id) {
        Mitigation m = Mitigation.<Mitigation>findByIdOptional(id).orElseThrow(() -> new IncidentNotFound(id));
        return new MitigationView(m.chosen().name(), m.previousRelease(), m.scopeDescription(), m.readinessCoverage(), m.approvedByCommander(),
                m.approvedByReleaseManager(), m.waivedByCommander(), m.waivedByReleaseManager(), name(m.gate2Outcome()),
                m.executionRequestedBy(), m.executionRequestedBy(), name(m.executionStatus()), m.recoveryPassRate(), name(m.gate3Outcome()));
    }

    /** The role an approval or waiver is given in: the one the caller holds, or, holding both, the one named. */
    private String roleFor(String named) {
        List<String> held = Stream.of(Roles.INCIDENT_COMMANDER, Roles.RELEASE_MANAGER).filter(caller::hasRole).toList();
        if (named != null) {
            if (!held.contains(named)) {
                throw new ForbiddenException("the caller does not hold " + named);
            }
            return named;
        }
        if (held.size() != 1) {
            throw invalid("role", "you hold both the incident commander and release manager roles");
        }
        return held.get(0);
    }

    private static InvalidRequest invalid(String action, String context) {
        return new InvalidRequest(action, context, "see the API description at /q/openapi");
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private String person() {
        return caller.getPrincipal().getName();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean empty(List<String> values) {
        return values == null || values.isEmpty();
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
