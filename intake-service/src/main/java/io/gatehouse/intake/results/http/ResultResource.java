package io.gatehouse.intake.results.http;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.events.Topics;
import io.gatehouse.intake.rejection.RejectedPayload;
import io.gatehouse.intake.results.ResultAddress;
import io.gatehouse.intake.results.ResultHeaders;
import io.gatehouse.intake.results.ResultKind;
import io.gatehouse.intake.results.ResultParsing;
import io.gatehouse.intake.results.artifacts.ArtifactStore;
import io.gatehouse.intake.results.topics.InboundTopicLimits;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.http.HttpServerRequest;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Where pipelines publish a release's results. Each body is parsed as its kind says before anything else (a body
 * that cannot be is answered 400 and goes nowhere), then stored byte for byte on rehearsals.inbound, keyed by the
 * release, with the headers the consumer reads ({@link ResultHeaders}); 202 means the broker has it. The bodies can
 * be megabytes, so each call runs on a worker thread, never on the event loop.
 */
@Path("/v1/releases/{release}")
@RolesAllowed(ResultResource.PIPELINE)
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "202", description = "Stored on rehearsals.inbound; parsed into a RehearsalResultReceived asynchronously")
@APIResponse(responseCode = "400", description = "Not a valid result of this kind, or an unsafe id; the body says what is wrong")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token does not hold the role pipeline")
@APIResponse(responseCode = "413", description = "The body is over quarkus.http.limits.max-body-size (16 MiB)")
@APIResponse(responseCode = "503", description = "Not stored: the Kafka broker did not acknowledge it in time; send it again later")
public class ResultResource {

    /** The role of deployment pipelines. */
    public static final String PIPELINE = "pipeline";

    /** What a 202 answer says: where the result is, and the digest its bytes are stored under. */
    public record Accepted(String release, String result, String topic, String sha256, long sizeBytes) {
    }

    /** The result could not be stored on rehearsals.inbound in time. */
    static class NotStored extends RuntimeException {
        private final transient ErrorReport report;

        NotStored(String context, Throwable cause) {
            super(context, cause);
            report = new ErrorReport(ErrorReport.Severity.CRITICAL, "storing the result on " + Topics.REHEARSALS_INBOUND, context,
                    "send it again once GET /q/health/ready answers 200",
                    "the result was not accepted and counts for no gate until it is sent again; should the broker have stored it "
                            + "after all, the repeat is simply the newer copy of the same result");
        }
    }

    @Context
    HttpServerRequest request;

    private final MutinyEmitter<byte[]> inbound;
    private final ResultParsing parsing;
    private final InboundTopicLimits limits;
    private final SecurityIdentity identity;
    private final Duration storeTimeout;

    ResultResource(@Channel("rehearsals-inbound-out") MutinyEmitter<byte[]> inbound, ResultParsing parsing, InboundTopicLimits limits,
                   SecurityIdentity identity, @ConfigProperty(name = "gatehouse.intake.store-timeout") Duration storeTimeout) {
        this.inbound = inbound;
        this.parsing = parsing;
        this.limits = limits;
        this.identity = identity;
        this.storeTimeout = storeTimeout;
    }

    @POST
    @Path("/test-reports")
    @Operation(summary = "Publish a JUnit XML test report of suite smoke, acceptance or regression")
    public Response testReport(@PathParam("release") String release, @QueryParam("suite") String suite, byte[] body) {
        return accept(ResultAddress.of(release, ResultKind.TEST_REPORT, suite, null), body);
    }

    @POST
    @Path("/coverage")
    @Operation(summary = "Publish a JaCoCo or Cobertura XML coverage report")
    public Response coverage(@PathParam("release") String release, byte[] body) {
        return accept(ResultAddress.of(release, ResultKind.COVERAGE, null, null), body);
    }

    @POST
    @Path("/security-scans")
    @Operation(summary = "Publish a SARIF 2.1.0 security scan")
    public Response securityScan(@PathParam("release") String release, byte[] body) {
        return accept(ResultAddress.of(release, ResultKind.SECURITY_SCAN, null, null), body);
    }

    @POST
    @Path("/config-snapshots/{environment}")
    @Operation(summary = "Publish a configuration snapshot of an environment (JSON or YAML; secrets as sha256:<hex>)")
    public Response configSnapshot(@PathParam("release") String release, @PathParam("environment") String environment, byte[] body) {
        return accept(ResultAddress.of(release, ResultKind.CONFIG_SNAPSHOT, null, environment), body);
    }

    @POST
    @Path("/deployment-rehearsal")
    @Operation(summary = "Publish the deployment rehearsal on staging")
    public Response deploymentRehearsal(@PathParam("release") String release, byte[] body) {
        return accept(ResultAddress.of(release, ResultKind.DEPLOYMENT_REHEARSAL, null, null), body);
    }

    @POST
    @Path("/rollback-rehearsal")
    @Operation(summary = "Publish the rollback rehearsal on staging")
    public Response rollbackRehearsal(@PathParam("release") String release, byte[] body) {
        return accept(ResultAddress.of(release, ResultKind.ROLLBACK_REHEARSAL, null, null), body);
    }

    @POST
    @Path("/observability-baseline")
    @Operation(summary = "Publish the observability baseline captured after the rehearsal")
    public Response observabilityBaseline(@PathParam("release") String release, byte[] body) {
        return accept(ResultAddress.of(release, ResultKind.OBSERVABILITY_BASELINE, null, null), body);
    }

    @POST
    @Path("/operational-readiness")
    @Operation(summary = "Publish the operational readiness: runbooks and on-call")
    public Response operationalReadiness(@PathParam("release") String release, byte[] body) {
        return accept(ResultAddress.of(release, ResultKind.OPERATIONAL_READINESS, null, null), body);
    }

    @POST
    @Path("/upstream-artifacts")
    @Operation(summary = "Publish one upstream artifact: name, SHA-256, size and where it is stored")
    public Response upstreamArtifact(@PathParam("release") String release, byte[] body) {
        return accept(ResultAddress.of(release, ResultKind.UPSTREAM_ARTIFACT, null, null), body);
    }

    @POST
    @Path("/license-audit")
    @Operation(summary = "Publish the license audit")
    public Response licenseAudit(@PathParam("release") String release, byte[] body) {
        return accept(ResultAddress.of(release, ResultKind.LICENSE_AUDIT, null, null), body);
    }

    @POST
    @Path("/data-refresh")
    @Operation(summary = "Publish the staging data refresh before the rehearsal")
    public Response dataRefresh(@PathParam("release") String release, byte[] body) {
        return accept(ResultAddress.of(release, ResultKind.DATA_REFRESH, null, null), body);
    }

    private Response accept(ResultAddress address, byte[] body) {
        String target = request.uri();
        int query = target.indexOf('?');
        if ((query < 0 ? target : target.substring(0, query)).contains(";")) {
            // JAX-RS reads "/v1/releases/a;b/..." as release "a" with a matrix parameter: not the release the sender named.
            throw RejectedPayload.invalid(address.kind().headerValue(), "the path holds a ';', which would cut the release id or "
                    + "environment short", "use at most 128 letters, digits, '.', '_' and '-' in ids");
        }
        // Parsed here only to refuse at once what could never be used; the consumer parses the stored bytes itself.
        parsing.parse(address, body);
        try {
            limits.ensure();
        } catch (InboundTopicLimits.NotSet notSet) {
            throw new NotStored(notSet.getMessage(), notSet);
        }
        RecordHeaders headers = new RecordHeaders();
        ResultHeaders.write(address, identity.getPrincipal().getName(), headers);
        try {
            inbound.sendMessage(Message.of(body)
                            .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(address.release()).withHeaders(headers).build()))
                    .await().atMost(storeTimeout);
        } catch (RuntimeException notAcknowledged) {
            throw new NotStored("the Kafka broker did not acknowledge the result within " + storeTimeout + " (" + notAcknowledged + ")", notAcknowledged);
        }
        return Response.accepted(new Accepted(address.release(), address.kind().headerValue(), Topics.REHEARSALS_INBOUND,
                ArtifactStore.sha256Of(body), body.length)).build();
    }

    @ServerExceptionMapper
    Response notStored(NotStored notStored) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON).entity(notStored.report).build();
    }
}
