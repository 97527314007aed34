package io.gatehouse.rehearsal.registration;

import io.gatehouse.rehearsal.Release;
import io.gatehouse.rehearsal.errors.InvalidRequest;
import io.gatehouse.rehearsal.gates.Registration;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Pipelines register releases. Who registered is the token's principal. */
@Path("/v1/releases")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "The body is incomplete or contradicts itself; it says what to send")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token does not hold the pipeline role")
public class RegistrationResource {

    /** The role of deployment pipelines, which register releases. */
    public static final String PIPELINE = "pipeline";

    /** A release id is a Kafka key and a URL path segment: letters, digits and . _ : - only. */
    private static final Pattern RELEASE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    /** What a pipeline sends; the optional requirements default to the policy's. */
    public record RegistrationRequest(String releaseId, String service, String version, String stagingEnvironment, String productionEnvironment,
                                      Integer rtoMinutes, String previousRelease, List<String> requiredArtifacts, List<String> requiredApprovals,
                                      List<String> expectedDifferences) {
    }

    /** The release as registered, the policy's defaults filled in. */
    public record Registered(String releaseId, String service, String version, String stagingEnvironment, String productionEnvironment,
                             int rtoMinutes, String previousRelease, List<String> requiredArtifacts, List<String> requiredApprovals,
                             List<String> expectedDifferences, String policyVersion, String registeredBy, Instant registeredAt,
                             String registrationEventId) {

        static Registered of(Release release) {
            Registration r = release.registration();
            return new Registered(r.releaseId(), r.service(), r.version(), r.stagingEnvironment(), r.productionEnvironment(), r.rtoMinutes(),
                    release.previousRelease(), r.requiredArtifacts(), r.requiredApprovals(), r.expectedDifferences(), release.policyVersion(),
                    release.registeredBy(), release.registeredAt(), release.registrationEventId());
        }
    }

    private final ReleaseRegistration registration;
    private final ReleasePolicy policy;
    private final SecurityIdentity caller;

    RegistrationResource(ReleaseRegistration registration, ReleasePolicy policy, SecurityIdentity caller) {
        this.registration = registration;
        this.policy = policy;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(PIPELINE)
    @Operation(summary = "Register a release for pre-deployment readiness; results that arrived before are evaluated now")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "200", description = "Registered before with exactly this; nothing changed")
    @APIResponse(responseCode = "409", description = "Registered before with something else; the body says what differs")
    public Response register(RegistrationRequest request) {
        ReleaseRegistration.Outcome outcome = registration.register(registrationOf(request), blank(request.previousRelease()) ? null
                : request.previousRelease(), caller.getPrincipal().getName());
        Registered body = Registered.of(outcome.release());
        return outcome.created() ? Response.created(URI.create("/v1/releases/" + body.releaseId())).entity(body).build()
                : Response.ok(body).build();
    }

    /** The request as a registration, the policy's defaults filled in for what it leaves out. */
    private Registration registrationOf(RegistrationRequest request) {
        if (request == null) {
            throw invalid("the registration has no body");
        }
        if (request.releaseId() == null || !RELEASE_ID.matcher(request.releaseId()).matches()) {
            throw invalid("releaseId must be 1 to 200 letters, digits, '.', '_', ':' or '-'");
        }
        for (String[] field : new String[][] {{"service", request.service()}, {"version", request.version()},
                {"stagingEnvironment", request.stagingEnvironment()}, {"productionEnvironment", request.productionEnvironment()}}) {
            if (blank(field[1])) {
                throw invalid(field[0] + " is missing");
            }
        }
        if (request.stagingEnvironment().equals(request.productionEnvironment())) {
            throw invalid("stagingEnvironment and productionEnvironment are both " + request.stagingEnvironment() + "; staging parity compares two");
        }
        ReleasePolicy.ReleaseDefaults defaults = policy.defaults();
        int rto = request.rtoMinutes() == null ? defaults.rtoMinutes() : request.rtoMinutes();
        if (rto <= 0) {
            throw invalid("rtoMinutes must be above 0");
        }
        List<String> approvals = entries(request.requiredApprovals(), defaults.requiredApprovals(), "requiredApprovals");
        for (String kind : approvals) {
            if (!policy.approvals().knows(kind)) {
                throw invalid("requiredApprovals names " + kind + ", which no role gives; known kinds: " + ReleasePolicy.READINESS + ", "
                        + String.join(", ", policy.approvals().upstream().keySet()));
            }
        }
        if (!approvals.contains(ReleasePolicy.READINESS)) {
            throw invalid("requiredApprovals must include " + ReleasePolicy.READINESS + ": protocol 14's gate 4 needs it and allows no waiver");
        }
        return new Registration(request.releaseId(), request.service(), request.version(), request.stagingEnvironment(),
                request.productionEnvironment(), rto, entries(request.requiredArtifacts(), defaults.requiredArtifacts(), "requiredArtifacts"),
                approvals, entries(request.expectedDifferences(), defaults.expectedDifferences(), "expectedDifferences"));
    }

    /** The entries given, each once, or the policy's when none are given. */
    private static List<String> entries(List<String> given, List<String> defaults, String field) {
        if (given == null) {
            return defaults;
        }
        if (given.stream().anyMatch(RegistrationResource::blank)) {
            throw invalid(field + " has an empty entry");
        }
        return List.copyOf(new LinkedHashSet<>(given));
    }

    private static InvalidRequest invalid(String context) {
        return new InvalidRequest("release registration", context, "see the API description at /q/openapi");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
