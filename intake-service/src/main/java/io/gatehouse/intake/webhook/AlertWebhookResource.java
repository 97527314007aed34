package io.gatehouse.intake.webhook;

import io.gatehouse.events.Topics;
import io.gatehouse.intake.normalize.AlertmanagerNormalizer;
import io.gatehouse.intake.normalize.AlertmanagerWebhook;
import io.gatehouse.intake.normalize.PayloadFormat;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
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
public class AlertWebhookResource {

    /** What a 202 answer says. */
    public record Accepted(int alerts, String topic) {
    }

    private final MutinyEmitter<byte[]> inbound;

    AlertWebhookResource(@Channel("alerts-inbound-out") MutinyEmitter<byte[]> inbound) {
        this.inbound = inbound;
    }

    @POST
    @Path("/alertmanager")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a Prometheus Alertmanager webhook (version 4)")
    @APIResponse(responseCode = "202", description = "Stored on alerts.inbound; normalized asynchronously")
    @APIResponse(responseCode = "400", description = "Not a valid version 4 webhook; the body says what is wrong")
    public Uni<Response> alertmanager(byte[] body) {
        AlertmanagerWebhook webhook = AlertmanagerNormalizer.parse(body);
        return store(PayloadFormat.ALERTMANAGER, webhook.groupKey(), body)
                .replaceWith(Response.accepted(new Accepted(webhook.alerts().size(), Topics.ALERTS_INBOUND)).build());
    }

    private Uni<Void> store(PayloadFormat format, String key, byte[] body) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(PayloadFormat.HEADER, format.headerValue().getBytes(StandardCharsets.UTF_8));
        return inbound.sendMessage(Message.of(body)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build()));
    }
}
