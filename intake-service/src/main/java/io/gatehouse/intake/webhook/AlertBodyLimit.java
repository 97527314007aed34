package io.gatehouse.intake.webhook;

import io.gatehouse.http.errors.BodyLimit;
import io.gatehouse.http.errors.OversizedBodyRefusal;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

    private final BodyLimit limit;

    AlertBodyLimit(@ConfigProperty(name = "gatehouse.intake.alerts.max-body-size") MemorySize limit,
                   @ConfigProperty(name = "quarkus.application.name") String service) {
        this.limit = new BodyLimit(service, limit.asLongValue(), "alert bodies", "gatehouse.intake.alerts.max-body-size");
    }

    void limitAlertBodies(@Observes Router router) {
        limit.on(router.route(ALERT_PATHS).order(OversizedBodyRefusal.ROUTE_ORDER - 1));
    }
}
