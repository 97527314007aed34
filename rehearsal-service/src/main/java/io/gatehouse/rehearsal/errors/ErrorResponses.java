package io.gatehouse.rehearsal.errors;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.messaging.PostgreSql;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every refusal of rehearsal-service answers in the error shape (401 and 403: io.gatehouse.http.errors.AccessRefusals). */
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final PostgreSql postgres;

    ErrorResponses(PostgreSql postgres) {
        this.postgres = postgres;
    }

    @ServerExceptionMapper
    public Response notFound(ReleaseNotFound notFound) {
        return respond(Response.Status.NOT_FOUND, notFound.report());
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequest invalid) {
        return respond(Response.Status.BAD_REQUEST, invalid.report());
    }

    @ServerExceptionMapper
    public Response refused(ActionRefused refused) {
        LOG.warnf("refused %s", refused.getMessage());
        return respond(Response.Status.CONFLICT, refused.report());
    }

    /** Every command locks the release first, so this answers only a writer that changed it regardless: the request lost. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response changedMeanwhile(RuntimeException conflict) {
        LOG.warnf("a request lost a race with another change of the same release: %s", conflict.getMessage());
        return respond(Response.Status.CONFLICT, new ErrorReport(ErrorReport.Severity.WARNING, "release update",
                "the release changed while this request was being applied", "read the release again and repeat the request if it still applies",
                "nothing was changed"));
    }

    /** A database failure is an outage when PostgreSQL explains it or does not answer now: 503, try again; else 500. */
    @ServerExceptionMapper
    public Response databaseFailure(PersistenceException failure) {
        if (postgres.explains(failure) || postgres.unavailability(PROBE_TIMEOUT).isPresent()) {
            LOG.errorf("PostgreSQL cannot be reached: %s", failure.getMessage());
            return respond(Response.Status.SERVICE_UNAVAILABLE, new ErrorReport(ErrorReport.Severity.CRITICAL, "release store",
                    "rehearsal-service cannot reach its database", "try again shortly; /q/health/ready says when the service is back",
                    "nothing was changed"));
        }
        LOG.error("a request failed in the database", failure);
        return respond(Response.Status.INTERNAL_SERVER_ERROR, new ErrorReport(ErrorReport.Severity.CRITICAL, "release store",
                "the database refused the change: " + failure.getMessage(), "report it with the time of the request; the log has the cause",
                "nothing was changed"));
    }

    private static Response respond(Response.Status status, ErrorReport report) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(report).build();
    }
}
