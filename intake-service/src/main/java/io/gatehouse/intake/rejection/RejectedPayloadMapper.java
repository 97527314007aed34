package io.gatehouse.intake.rejection;

import io.gatehouse.errors.ErrorReport;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a rejected payload with 400 and the error shape, so the sender learns what to fix. */
public class RejectedPayloadMapper {

    @ServerExceptionMapper
    public Response toResponse(RejectedPayload rejected) {
        ErrorReport report = rejected.report();
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON).entity(report).build();
    }
}
