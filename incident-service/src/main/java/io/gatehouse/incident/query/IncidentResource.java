package io.gatehouse.incident.query;

import io.gatehouse.incident.Incident;
import io.gatehouse.incident.notification.StakeholderNotice;
import io.gatehouse.messaging.notification.Notification;
import io.gatehouse.messaging.outbox.OutboxEvent;
import io.quarkus.panache.common.Sort;
import io.gatehouse.incident.errors.InvalidRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Read access to incidents. */
@Path("/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    @GET
    @Operation(summary = "All incidents, most recently opened first")
    public List<IncidentView> list() {
        List<Incident> incidents = Incident.listAll(Sort.descending("openedAt").and("id"));
        return incidents.stream().map(IncidentView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One incident with the counts of its alerts and the first of them")
    @APIResponse(responseCode = "404", description = "No incident has this id")
    public IncidentView get(@PathParam("id") String id) {
        return IncidentView.of(Incident.require(id));
    }

    /** A page of an incident's alerts, and the link to the next page (null after the last). */
    public record AlertPage(long totalAlerts, int offset, List<IncidentView.AlertView> alerts, String next) {
    }

    @GET
    @Path("/{id}/alerts")
    @Operation(summary = "The incident's alerts in the order they were grouped into it, a page at a time")
    @APIResponse(responseCode = "400", description = "The offset is negative or the limit is not 1 to 100")
    @APIResponse(responseCode = "404", description = "No incident has this id")
    public AlertPage alerts(@PathParam("id") String id, @QueryParam("offset") @DefaultValue("0") int offset,
                            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (offset < 0 || limit < 1 || limit > IncidentView.EMBEDDED_ALERTS) {
            throw new InvalidRequest("alert page", "offset " + offset + " and limit " + limit + " name no page",
                    "give an offset of 0 or more and a limit of 1 to " + IncidentView.EMBEDDED_ALERTS);
        }
        Incident incident = Incident.require(id);
        return new AlertPage(incident.alertCount(), offset,
                incident.alerts(offset, limit).stream().map(IncidentView.AlertView::of).toList(),
                IncidentView.pageLink(incident, offset + limit, limit));
    }

    /** One entry of an incident's timeline: an alert's start, or an event incident-service published about it. */
    public record TimelineEntry(Instant time, String what, String eventId) {
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "Everything that happened to the incident, in order: its alerts and every event published about it")
    @APIResponse(responseCode = "404", description = "No incident has this id")
    public List<TimelineEntry> timeline(@PathParam("id") String id) {
        Incident incident = Incident.require(id);
        List<TimelineEntry> entries = new ArrayList<>();
        // Every alert, as the timeline must show them all: a read for a person, never on the path of an alert.
        incident.alerts(0, Integer.MAX_VALUE).forEach(a -> {
            entries.add(new TimelineEntry(a.startsAt(), "alert " + a.alertId() + " fired", a.lastEventId()));
            if (a.endsAt() != null) {
                entries.add(new TimelineEntry(a.endsAt(), "alert " + a.alertId() + " resolved", a.lastEventId()));
            }
        });
        OutboxEvent.<OutboxEvent>list("subject", Sort.ascending("seq"), id)
                .forEach(e -> entries.add(new TimelineEntry(e.time, e.type.substring(e.type.lastIndexOf('.') + 1), e.eventId)));
        // A stable sort: events of the same instant keep the order they were published in.
        entries.sort(Comparator.comparing(TimelineEntry::time));
        return entries;
    }

    /**
     * A notification as the API shows it, with its delivery record. {@code reason} is why it was sent (as the event that
     * publishes its end says); {@code severity} is the one a stakeholder notification announced, null for other notices.
     */
    public record NotificationView(String channel, List<String> audience, String reason, String severity, String status,
                                   int attempts, Instant requestedAt, Instant completedAt, Long latencyMillis,
                                   String lastError, String text) {
    }

    @GET
    @Path("/{id}/notifications")
    @Operation(summary = "Every stakeholder notification about the incident, with attempts, latency and errors")
    @APIResponse(responseCode = "404", description = "No incident has this id")
    public List<NotificationView> notifications(@PathParam("id") String id) {
        Incident.require(id);
        return Notification.about(id).stream().map(n -> new NotificationView(n.channel(), n.audience(), n.kind(),
                n.label(StakeholderNotice.SEVERITY), n.status().name(), n.attempts(), n.requestedAt(), n.completedAt(),
                n.latency() == null ? null : n.latency().toMillis(), n.lastError(), n.text())).toList();
    }
}
