package io.gatehouse.http.errors;

import io.gatehouse.errors.ErrorReport;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A call without a valid bearer token (401), or without the role its action needs (403), answered in the error shape
 * by every service that checks tokens. An action may say which role it needs in the exception's message.
 */
public class AccessRefusals {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException unauthenticated) {
        return Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(MediaType.APPLICATION_JSON).entity(new ErrorReport(ErrorReport.Severity.WARNING, "authentication",
                        "the request carries no valid bearer token", "send Authorization: Bearer <token> from your identity provider "
                        + "(locally: deploy/local/gatehouse token NAME ROLE)", "nothing was changed"))
                .build();
    }

    /** Says which role is missing: the action's own message, else the roles its endpoint allows. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException forbidden, ResourceInfo endpoint) {
        RolesAllowed allowed = rolesAllowed(endpoint);
        String needs = forbidden.getMessage() != null && !forbidden.getMessage().isBlank() ? forbidden.getMessage()
                : allowed != null ? "the authenticated caller does not hold the role this action needs: " + String.join(" or ", allowed.value())
                : "the authenticated caller does not hold a role this action needs";
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON).entity(new ErrorReport(ErrorReport.Severity.WARNING,
                "authorization", needs, "ask someone who holds it, or have the role granted", "nothing was changed")).build();
    }

    /** The roles the endpoint's method allows, else its class; null when neither says. */
    private static RolesAllowed rolesAllowed(ResourceInfo endpoint) {
        if (endpoint == null || endpoint.getResourceMethod() == null) {
            return null;
        }
        RolesAllowed onMethod = endpoint.getResourceMethod().getAnnotation(RolesAllowed.class);
        return onMethod != null ? onMethod : endpoint.getResourceClass().getAnnotation(RolesAllowed.class);
    }
}
