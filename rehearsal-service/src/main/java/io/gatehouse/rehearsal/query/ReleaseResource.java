package io.gatehouse.rehearsal.query;

import io.gatehouse.rehearsal.Release;
import io.gatehouse.rehearsal.errors.InvalidRequest;
import io.gatehouse.rehearsal.gates.DecisionState;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Read access to releases. Every call needs a bearer token, whatever its role. */
@Path("/v1/releases")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class ReleaseResource {

    private static final int MAX_PAGE_SIZE = 100;

    /** One release in a list. */
    public record ReleaseSummary(String releaseId, String service, String version, String decision, List<String> reasons, Instant registeredAt,
                                 Instant decidedAt, List<GateSummary> gates) {
    }

    public record GateSummary(int gate, String name, String outcome) {
    }

    /** A page of releases, newest first, and how many match in all. */
    public record ReleasePage(List<ReleaseSummary> items, int page, int size, long total) {
    }

    @GET
    @Transactional
    @Operation(summary = "Registered releases, newest first, a page at a time; filtered by service and decision (GO, NO_GO, PENDING)")
    @APIResponse(responseCode = "400", description = "An unknown decision, or a page or size out of range")
    public ReleasePage list(@QueryParam("service") String service, @QueryParam("decision") String decision,
                     @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw invalid("page must be 0 or more and size 1 to " + MAX_PAGE_SIZE);
        }
        StringBuilder where = new StringBuilder("registeredAt is not null");
        Parameters parameters = new Parameters();
        if (service != null && !service.isBlank()) {
            where.append(" and service = :service");
            parameters.and("service", service);
        }
        if (decision != null && !decision.isBlank()) {
            where.append(" and decision = :decision");
            parameters.and("decision", decisionOf(decision));
        }
        PanacheQuery<Release> query = Release.find(where.toString(), Sort.descending("registeredAt", "id"), parameters);
        List<ReleaseSummary> items = query.page(Page.of(page, size)).list().stream().map(ReleaseResource::summary).toList();
        return new ReleasePage(items, page, size, query.count());
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One release: its decision with every reason it is not GO, its gates, approvals, waivers and results")
    @APIResponse(responseCode = "404", description = "No release has this id")
    public ReleaseView get(@PathParam("id") String id) {
        return ReleaseView.of(Release.require(id), Instant.now());
    }

    private static ReleaseSummary summary(Release release) {
        return new ReleaseSummary(release.id(), release.service(), release.registration().version(), release.decision().name(), release.reasons(),
                release.registeredAt(), release.decidedAt(), release.standings().stream()
                .map(g -> new GateSummary(g.gate(), g.name(), g.outcome().name())).toList());
    }

    private static DecisionState decisionOf(String decision) {
        try {
            return DecisionState.valueOf(decision);
        } catch (IllegalArgumentException e) {
            throw invalid("decision must be one of " + Arrays.stream(DecisionState.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static InvalidRequest invalid(String context) {
        return new InvalidRequest("release list", context, "e.g. GET /v1/releases?service=checkout&decision=NO_GO&page=0&size=20");
    }
}
