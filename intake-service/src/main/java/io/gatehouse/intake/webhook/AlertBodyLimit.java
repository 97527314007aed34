package io.gatehouse.intake.webhook;

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
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps alert bodies at {@code gatehouse.intake.alerts.max-body-size} (1 MiB) although the service takes bodies up
 * to {@code quarkus.http.limits.max-body-size} (16 MiB, for pipeline results such as SARIF logs): no alert comes near
 * 1 MiB, and a larger one is refused with 413 and the error shape before it is read, as every refused body is. Runs
 * just ahead of the service-wide refusal of oversized bodies, for the alert paths only.
 */
@ApplicationScoped
public class AlertBodyLimit {

    static final String ALERT_PATHS = "/v1/alerts*";
    private static final int AHEAD_OF_SERVICE_WIDE_LIMIT = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2;
    private static final int PAYLOAD_TOO_LARGE = HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code();

    private final long limit;
    private final String service;
    // A chunked body announces no length: this handler reads it (as JAX-RS would have) and fails with 413 past the limit.
    private final BodyHandler chunkedBodies;

    AlertBodyLimit(@ConfigProperty(name = "gatehouse.intake.alerts.max-body-size") MemorySize limit,
                   @ConfigProperty(name = "quarkus.application.name") String service) {
        this.limit = limit.asLongValue();
        this.service = service;
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(this.limit);
    }

    void limitAlertBodies(@Observes Router router) {
        router.route(ALERT_PATHS).order(AHEAD_OF_SERVICE_WIDE_LIMIT).handler(this::checkSize).failureHandler(this::refuseIfTooLarge);
    }

    private void checkSize(RoutingContext routing) {
        String declaredLength = routing.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (declaredLength != null) {
            if (Long.parseLong(declaredLength) > limit) {
                routing.fail(PAYLOAD_TOO_LARGE);
            } else {
                routing.next();
            }
        } else if (isForm(routing.request())) {
            // Decoding a form would refuse a large field with a bare 400; no alert is a form, and the service-wide
            // limit still holds for one.
            routing.next();
        } else {
            chunkedBodies.handle(routing);
        }
    }

    private void refuseIfTooLarge(RoutingContext failed) {
        if (failed.statusCode() != PAYLOAD_TOO_LARGE) {
            failed.next();
            return;
        }
        HttpServerRequest request = failed.request();
        String declaredLength = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        ErrorReport report = new ErrorReport(ErrorReport.Severity.WARNING, request.method() + " " + request.path(),
                service + " accepts alert bodies of at most " + limit + " bytes; this body is "
                        + (declaredLength == null ? "larger than that" : declaredLength + " bytes"),
                "send a smaller body, e.g. fewer alerts per notification (Alertmanager: max_alerts); if alerts this large are "
                        + "expected, raise gatehouse.intake.alerts.max-body-size of " + service,
                "nothing of this request was accepted; other requests are unaffected");
        // The connection is closed under the unread rest of the body on purpose: not a failure worth reporting.
        request.exceptionHandler(closedUnderTheBody -> { });
        failed.response().setStatusCode(PAYLOAD_TOO_LARGE)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .putHeader(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .endHandler(sent -> request.connection().close())
                .end(Json.encodeToBuffer(report));
    }

    private static boolean isForm(HttpServerRequest request) {
        String contentType = request.getHeader(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith(HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED.toString())
                || type.startsWith(HttpHeaderValues.MULTIPART_FORM_DATA.toString());
    }
}
