package io.gatehouse.intake.results.http;

import io.gatehouse.errors.ErrorReport;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A call without a valid bearer token, or without the role it needs, answered in the error shape. Authentication is
 * not proactive in intake-service, so a token is checked only where an endpoint asks for a role, and these refusals
 * reach JAX-RS; the alert webhooks ask for none.
 */
public class AuthenticationRefusals {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException unauthenticated) {
        return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON).entity(new ErrorReport(ErrorReport.Severity.WARNING, "authentication",
                        "the request carries no valid bearer token", "send Authorization: Bearer <token> of the pipeline's identity "
                        + "(role pipeline; locally: deploy/local/gatehouse token NAME pipeline)", "nothing was accepted"))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException forbidden) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON).entity(new ErrorReport(ErrorReport.Severity.WARNING,
                "authorization", "the authenticated caller does not hold the role pipeline, which publishing results needs",
                "publish from the pipeline's identity, or have the role granted", "nothing was accepted")).build();
    }
}
