package io.gatehouse.intake.webhook;

import io.gatehouse.errors.ErrorReport;
import io.gatehouse.events.Topics;
import io.gatehouse.intake.normalize.ParsedPayload;
import io.gatehouse.intake.normalize.PayloadFormat;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Webhooks monitoring systems post alerts to. A payload is checked, then stored byte for byte on
 * alerts.inbound before the answer: a 202 means the alert cannot be lost any more. When the broker does not
 * acknowledge it within {@code gatehouse.intake.store-timeout}, the answer is 503 and the sender tries again later.
 */
@Path("/v1/alerts")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "202", description = "Stored on alerts.inbound; normalized asynchronously")
@APIResponse(responseCode = "400", description = "Not a valid payload of this format; the body says what is wrong")
@APIResponse(responseCode = "413", description = "The body is over quarkus.http.limits.max-body-size (1 MiB); the body says so")
@APIResponse(responseCode = "503", description = "Not stored: the Kafka broker did not acknowledge it in time; send it again later")
public class AlertWebhookResource {

    /** What a 202 answer says. */
    public record Accepted(int alerts, String topic) {
    }

    /** The payload could not be stored on alerts.inbound in time. */
    static class NotStored extends RuntimeException {
        private final transient ErrorReport report;

        NotStored(Duration timeout, Throwable cause) {
            super(cause);
            report = new ErrorReport(ErrorReport.Severity.CRITICAL, "storing the alert on " + Topics.ALERTS_INBOUND,
                    "the Kafka broker did not acknowledge the payload within " + timeout + " (" + cause + ")",
                    "send it again once GET /q/health/ready answers 200; Alertmanager retries by itself",
                    "the alert was not accepted and opens or updates no incident until it is sent again; "
                            + "should the broker have stored it after all, the repeat changes nothing");
        }
    }

    private static final String HTTP_ATTRIBUTE_PREFIX = "ce-";

    private final MutinyEmitter<byte[]> inbound;
    private final Duration storeTimeout;

    AlertWebhookResource(@Channel("alerts-inbound-out") MutinyEmitter<byte[]> inbound,
                         @ConfigProperty(name = "gatehouse.intake.store-timeout") Duration storeTimeout) {
        this.inbound = inbound;
        this.storeTimeout = storeTimeout;
    }

    @POST
    @Path("/alertmanager")
    @Operation(summary = "Receive a Prometheus Alertmanager webhook (version 4)")
    public Uni<Response> alertmanager(byte[] body) {
        return accept(PayloadFormat.ALERTMANAGER, new RecordHeaders(), body);
    }

    @POST
    @Path("/grafana")
    @Operation(summary = "Receive a Grafana unified-alerting webhook (Grafana 8 or newer; the legacy format is refused)")
    public Uni<Response> grafana(byte[] body) {
        return accept(PayloadFormat.GRAFANA, new RecordHeaders(), body);
    }

    @POST
    @Path("/pagerduty")
    @Operation(summary = "Receive a PagerDuty Events API v2 event (trigger, acknowledge, resolve)")
    public Uni<Response> pagerDuty(byte[] body) {
        return accept(PayloadFormat.PAGERDUTY, new RecordHeaders(), body);
    }

    @POST
    @Operation(summary = "Receive a CloudEvent whose data is an alert payload, in structured mode "
            + "(application/cloudevents+json) or binary mode (ce-* headers)")
    public Uni<Response> cloudEvent(byte[] body, @Context HttpHeaders http) {
        // Binary mode over HTTP becomes binary mode on Kafka: ce-id turns into the ce_id header, and so on.
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, List<String>> header : http.getRequestHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(HTTP_ATTRIBUTE_PREFIX) && !header.getValue().isEmpty()) {
                headers.add("ce_" + name.substring(HTTP_ATTRIBUTE_PREFIX.length()), header.getValue().get(0).getBytes(StandardCharsets.UTF_8));
            }
        }
        return accept(PayloadFormat.CLOUDEVENTS, headers, body);
    }

    private Uni<Response> accept(PayloadFormat format, RecordHeaders headers, byte[] body) {
        ParsedPayload parsed = format.parse(headers, body);
        headers.add(PayloadFormat.HEADER, format.headerValue().getBytes(StandardCharsets.UTF_8));
        return inbound.sendMessage(Message.of(body)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(parsed.key()).withHeaders(headers).build()))
                .ifNoItem().after(storeTimeout).fail()
                .onFailure().transform(failure -> new NotStored(storeTimeout, failure))
                .replaceWith(Response.accepted(new Accepted(parsed.alertCount(), Topics.ALERTS_INBOUND)).build());
    }

    @ServerExceptionMapper
    Response notStored(NotStored notStored) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON).entity(notStored.report).build();
    }
}
