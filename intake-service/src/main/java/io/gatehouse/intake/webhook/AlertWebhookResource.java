package io.gatehouse.intake.webhook;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Webhooks monitoring systems post alerts to. A payload is checked, then stored byte for byte on
 * alerts.inbound before the answer: a 202 means the alert cannot be lost any more.
 */
@Path("/v1/alerts")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "202", description = "Stored on alerts.inbound; normalized asynchronously")
@APIResponse(responseCode = "400", description = "Not a valid payload of this format; the body says what is wrong")
@APIResponse(responseCode = "413", description = "The body is over quarkus.http.limits.max-body-size (1 MiB); the body says so")
public class AlertWebhookResource {

    /** What a 202 answer says. */
    public record Accepted(int alerts, String topic) {
    }

    private static final String HTTP_ATTRIBUTE_PREFIX = "ce-";

    private final MutinyEmitter<byte[]> inbound;

    AlertWebhookResource(@Channel("alerts-inbound-out") MutinyEmitter<byte[]> inbound) {
        this.inbound = inbound;
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
                .replaceWith(Response.accepted(new Accepted(parsed.alertCount(), Topics.ALERTS_INBOUND)).build());
    }
}
