package io.gatehouse.http.errors;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Answers a request body over {@code quarkus.http.limits.max-body-size} with 413 and the error shape ({@link BodyLimit}). */
@ApplicationScoped
public class OversizedBodyRefusal {

    /** Just ahead of Quarkus's own check, whose 413 is empty. */
    public static final int ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private final BodyLimit limit;

    OversizedBodyRefusal(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                         @ConfigProperty(name = "quarkus.application.name") String service) {
        this.limit = new BodyLimit(service, limit.asLongValue(), "request bodies", "quarkus.http.limits.max-body-size");
    }

    void refuseOversizedBodies(@Observes Router router) {
        limit.on(router.route().order(ROUTE_ORDER));
    }
}
