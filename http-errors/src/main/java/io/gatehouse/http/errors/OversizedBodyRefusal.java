package io.gatehouse.http.errors;

import io.gatehouse.errors.ErrorReport;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request body over {@code quarkus.http.limits.max-body-size} with 413 and the error shape. Quarkus refuses
 * such a body itself, with an empty 413, before JAX-RS sees the request, so no exception mapper can answer it: this
 * route runs just ahead of Quarkus's check and refuses first.
 */
@ApplicationScoped
public class OversizedBodyRefusal {

    private static final int AHEAD_OF_QUARKUS_LIMIT_CHECK = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
    private static final int PAYLOAD_TOO_LARGE = HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code();

    private final long limit;
    private final String service;

    OversizedBodyRefusal(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                         @ConfigProperty(name = "quarkus.application.name") String service) {
        this.limit = limit.asLongValue();
        this.service = service;
    }

    void refuseOversizedBodies(@Observes Router router) {
        // A chunked body announces no length, so it is only known to be too large once read: this handler reads it
        // (as JAX-RS would have) and fails the request with 413 the moment it passes the limit.
        BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(AHEAD_OF_QUARKUS_LIMIT_CHECK)
                .handler(request -> {
                    // Netty has already refused a Content-Length that is not a number.
                    String declaredLength = request.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
                    if (declaredLength == null) {
                        chunkedBodies.handle(request);
                    } else if (Long.parseLong(declaredLength) > limit) {
                        request.fail(PAYLOAD_TOO_LARGE);
                    } else {
                        request.next();
                    }
                })
                .failureHandler(failed -> {
                    if (failed.statusCode() == PAYLOAD_TOO_LARGE) {
                        refuse(failed);
                    } else {
                        failed.next();
                    }
                });
    }

    private void refuse(RoutingContext refused) {
        HttpServerRequest request = refused.request();
        String declaredLength = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        String size = declaredLength == null ? "larger than that" : declaredLength + " bytes";
        ErrorReport report = new ErrorReport(ErrorReport.Severity.WARNING, request.method() + " " + request.path(),
                service + " accepts request bodies of at most " + limit + " bytes; this body is " + size,
                "send a smaller body, e.g. split it over several requests; if bodies this large are expected, raise "
                        + "quarkus.http.limits.max-body-size of " + service,
                "nothing of this request was accepted; other requests are unaffected");
        refused.response().setStatusCode(PAYLOAD_TOO_LARGE)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                // The rest of the body is never read: as Quarkus does, closing the connection is what stops the sender.
                .putHeader(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .endHandler(sent -> request.connection().close())
                .end(Json.encodeToBuffer(report));
    }
}
