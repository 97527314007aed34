package io.gatehouse.incident.feedback;

import io.gatehouse.events.AlertFeedbackVerdict;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Alert-tuning feedback over HTTP. Who gave it is the token's principal. */
@Path("/v1/incidents/{id}/alert-feedback")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No incident has this id")
public class AlertFeedbackResource {

    public record Feedback(String alertId, String alertName, AlertFeedbackVerdict verdict, String suggestion) {
    }

    public record FeedbackView(String alertId, String alertName, String verdict, String suggestion, String recordedBy, Instant recordedAt) {
    }

    private final AlertTuning tuning;
    private final SecurityIdentity caller;

    AlertFeedbackResource(AlertTuning tuning, SecurityIdentity caller) {
        this.tuning = tuning;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.RESPONDER, Roles.INCIDENT_COMMANDER})
    @Operation(summary = "Say whether one of the incident's alerts was USEFUL, NOISY or LATE, or name a MISSING alert, with a suggestion "
            + "for its owners")
    @APIResponse(responseCode = "400", description = "No verdict, an alert that is not the incident's, or a missing alert without a name")
    public List<FeedbackView> record(@PathParam("id") String id, Feedback feedback) {
        if (feedback == null || feedback.verdict() == null) {
            throw new InvalidRequest("alert feedback", "feedback needs a verdict: USEFUL, NOISY, LATE or MISSING",
                    "send {\"alertId\": \"...\", \"verdict\": \"NOISY\", \"suggestion\": \"...\"}");
        }
        tuning.record(id, caller.getPrincipal().getName(), feedback.alertId(), feedback.alertName(), feedback.verdict(), feedback.suggestion());
        return list(id);
    }

    @GET
    @Operation(summary = "The alert-tuning feedback given on the incident, in the order given")
    public List<FeedbackView> list(@PathParam("id") String id) {
        return tuning.of(id).stream().map(f -> new FeedbackView(f.alertId, f.alertName, f.verdict.name(), f.suggestion, f.recordedBy,
                f.recordedAt)).toList();
    }
}
