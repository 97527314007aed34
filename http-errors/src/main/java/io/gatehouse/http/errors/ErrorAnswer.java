package io.gatehouse.http.errors;

import io.gatehouse.errors.ErrorReport;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An answer other than success, in the error shape, for a resource method to throw. */
public final class ErrorAnswer {

    private ErrorAnswer() {
    }

    public static WebApplicationException of(Response.Status status, ErrorReport report) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON).entity(report).build());
    }
}
