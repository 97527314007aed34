package io.gatehouse.incident.execution;

import io.gatehouse.events.RecoveryCheck;
import io.gatehouse.events.RecoveryCheckKind;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Phase 3 over HTTP: the recovery checks after the mitigation ran, and the incident commander's waiver of gate 3. */
@Path("/v1/incidents/{id}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryResource {

    public record Check(String name, RecoveryCheckKind kind, Boolean passed, String detail) {
    }

    public record Checks(List<Check> checks) {
    }

    public record Waiver(String riskAssessment, String recoveryPlan) {
    }

    private final MitigationExecution execution;
    private final SecurityIdentity caller;

    RecoveryResource(MitigationExecution execution, SecurityIdentity caller) {
        this.execution = execution;
        this.caller = caller;
    }

    @POST
    @Path("/recovery")
    @RolesAllowed({Roles.INCIDENT_COMMANDER, Roles.RESPONDER})
    @Operation(summary = "Report recovery checks (smoke tests, health checks, user journeys); evaluates gate 3, and a failed gate 3 "
            + "returns the incident to mitigation planning")
    public GateVerdict validate(@PathParam("id") String id, Checks body) {
        if (body == null || body.checks() == null || body.checks().isEmpty()) {
            throw new InvalidRequest("recovery validation", "no checks were reported", "send {\"checks\": [{\"name\", \"kind\", \"passed\"}]}");
        }
        for (Check check : body.checks()) {
            if (check.name() == null || check.name().isBlank() || check.kind() == null || check.passed() == null) {
                throw new InvalidRequest("recovery validation", "every check needs a name, a kind (SMOKE_TEST, HEALTH_CHECK, USER_JOURNEY) and passed",
                        "complete the checks");
            }
        }
        return execution.validateRecovery(id, caller.getPrincipal().getName(), body.checks().stream()
                .map(c -> RecoveryCheck.newBuilder().setName(c.name()).setKind(c.kind()).setPassed(c.passed()).setDetail(c.detail()).build())
                .toList());
    }

    @POST
    @Path("/gates/3/waiver")
    @RolesAllowed(Roles.INCIDENT_COMMANDER)
    @Operation(summary = "Waive gate 3 (recovery validation) with a risk assessment and a documented recovery plan, once the mitigation ran")
    public GateVerdict waive(@PathParam("id") String id, Waiver waiver) {
        if (waiver == null || waiver.riskAssessment() == null || waiver.riskAssessment().isBlank() || waiver.recoveryPlan() == null
                || waiver.recoveryPlan().isBlank()) {
            throw new InvalidRequest("gate 3 waiver", "a waiver of gate 3 needs a risk assessment and a documented recovery plan",
                    "send {\"riskAssessment\": \"...\", \"recoveryPlan\": \"...\"}");
        }
        return execution.waiveRecoveryValidation(id, caller.getPrincipal().getName(), waiver.riskAssessment(), waiver.recoveryPlan());
    }
}
