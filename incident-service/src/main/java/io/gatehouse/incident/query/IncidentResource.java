package io.gatehouse.incident.query;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.incident.detection.Incident;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.panache.common.Sort;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Read access to incidents. */
@Path("/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    @GET
    @Operation(summary = "All incidents, most recently opened first")
    public List<IncidentView> list() {
        List<Incident> incidents = Incident.listAll(Sort.descending("openedAt").and("id"));
        return incidents.stream().map(IncidentView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One incident with its alerts")
    @APIResponse(responseCode = "404", description = "No incident has this id")
    public Response get(@PathParam("id") String id) {
        Incident incident = Incident.findById(id);
        if (incident == null) {
            return Response.status(Response.Status.NOT_FOUND).entity(new ErrorReport(ErrorReport.Severity.INFO, "incident lookup",
                    "no incident has id " + id, "list the incidents with GET /v1/incidents", "none")).build();
        }
        return Response.ok(IncidentView.of(incident)).build();
    }
}
