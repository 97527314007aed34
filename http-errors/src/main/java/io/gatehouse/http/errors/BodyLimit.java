package io.gatehouse.http.errors;

import io.gatehouse.errors.ErrorReport;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;

/**
 * Refuses a request body over a limit with 413 and the error shape, before the body is read when its length is
 * declared. Quarkus refuses a body over {@code quarkus.http.limits.max-body-size} itself, with an empty 413, before
 * JAX-RS sees the request, so no exception mapper can answer it: a route with a limit runs just ahead of that check.
 * A service may set a lower limit on some of its paths ({@link #on(Route)} on a route ordered before the service-wide one).
 *
 * @param service the service's name, for the message
 * @param limit the largest body accepted, in bytes
 * @param bodies what the bodies are, for the message, e.g. {@code request bodies}
 * @param setting the configuration property that raises the limit, for the message
 */
public record BodyLimit(String service, long limit, String bodies, String setting) {

    private static final int PAYLOAD_TOO_LARGE = HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code();

    /** Applies the limit to the requests {@code route} matches. */
    public void on(Route route) {
        // A chunked body announces no length, so it is only known to be too large once read: this handler reads it (as
        // JAX-RS would have) and fails the request with 413 the moment it passes the limit.
        BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(limit);
        route.handler(routing -> checkSize(routing, chunkedBodies)).failureHandler(this::refuseIfTooLarge);
    }

    private void checkSize(RoutingContext routing, BodyHandler chunkedBodies) {
        // Netty has already refused a Content-Length that is not a number.
        String declaredLength = routing.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (declaredLength != null) {
            if (Long.parseLong(declaredLength) > limit) {
                routing.fail(PAYLOAD_TOO_LARGE);
            } else {
                routing.next();
            }
        } else if (isForm(routing.request())) {
            // The body handler would decode a form, failing one with a field over
            // quarkus.http.limits.max-form-attribute-size with a bare 400. Gatehouse takes no forms, so a chunked one
            // is left to Quarkus's own check, whose 413 is empty.
            routing.next();
        } else {
            chunkedBodies.handle(routing);
        }
    }

    /** Any 413 failure, from the declared length or a body handler, gets the error shape. */
    private void refuseIfTooLarge(RoutingContext failed) {
        if (failed.statusCode() == PAYLOAD_TOO_LARGE) {
            refuse(failed);
        } else {
            failed.next();
        }
    }

    /** The content types the body handler decodes as a form, recognised as it recognises them. */
    private static boolean isForm(HttpServerRequest request) {
        String contentType = request.getHeader(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith(HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED.toString())
                || type.startsWith(HttpHeaderValues.MULTIPART_FORM_DATA.toString());
    }

    private void refuse(RoutingContext refused) {
        HttpServerRequest request = refused.request();
        String declaredLength = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        String size = declaredLength == null ? "larger than that" : declaredLength + " bytes";
        ErrorReport report = new ErrorReport(ErrorReport.Severity.WARNING, request.method() + " " + request.path(),
                service + " accepts " + bodies + " of at most " + limit + " bytes; this body is " + size,
                "send a smaller body, e.g. split it over several requests; if bodies this large are expected, raise "
                        + setting + " of " + service,
                "nothing of this request was accepted; other requests are unaffected");
        // The connection is closed under the unread rest of the body on purpose: not a failure worth reporting.
        request.exceptionHandler(closedUnderTheBody -> { });
        refused.response().setStatusCode(PAYLOAD_TOO_LARGE)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                // The rest of the body is never read: as Quarkus does, closing the connection is what stops the sender.
                .putHeader(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .endHandler(sent -> request.connection().close())
                .end(Json.encodeToBuffer(report));
    }
}
