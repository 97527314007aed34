package io.gatehouse.rehearsal.registration;

import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.events.Topics;
import io.gatehouse.messaging.outbox.Outbox;
import io.gatehouse.rehearsal.Release;
import io.gatehouse.rehearsal.errors.ActionRefused;
import io.gatehouse.rehearsal.evaluation.ReleaseEvaluation;
import io.gatehouse.rehearsal.gates.Registration;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Registers a release, once: the same registration again changes nothing, a different one for the same id is refused.
 * Results that arrived before are evaluated with it.
 */
@ApplicationScoped
public class ReleaseRegistration {

    /** What a registration request came to. */
    public record Outcome(boolean created, Release release) {
    }

    private final Outbox outbox;
    private final ReleasePolicy policy;
    private final ReleaseEvaluation evaluation;

    ReleaseRegistration(Outbox outbox, ReleasePolicy policy, ReleaseEvaluation evaluation) {
        this.outbox = outbox;
        this.policy = policy;
        this.evaluation = evaluation;
    }

    /**
     * @throws ActionRefused when the release was registered with something else
     */
    @Transactional
    public Outcome register(Registration registration, String previousRelease, String registeredBy) {
        Release release = Release.lockOrReserve(registration.releaseId());
        if (release.registered()) {
            if (release.registeredAs(registration, previousRelease)) {
                return new Outcome(false, release);
            }
            throw new ActionRefused("release registration", "release " + release.id() + " is registered already, with another "
                    + String.join(", ", differences(release, registration, previousRelease)),
                    "send the registration it was registered with, or register the changed release under a new release id");
        }
        Instant at = Outbox.actionTime();
        ReleaseRegistered event = ReleaseRegistered.newBuilder()
                .setReleaseId(registration.releaseId())
                .setService(registration.service())
                .setVersion(registration.version())
                .setStagingEnvironment(registration.stagingEnvironment())
                .setProductionEnvironment(registration.productionEnvironment())
                .setRtoMinutes(registration.rtoMinutes())
                .setPreviousRelease(previousRelease)
                .setRequiredArtifacts(registration.requiredArtifacts())
                .setRequiredApprovals(registration.requiredApprovals())
                .setExpectedDifferences(registration.expectedDifferences())
                .setPolicyVersion(policy.version())
                .setRegisteredBy(registeredBy)
                .setRegisteredAt(at)
                .build();
        String eventId = outbox.appendAction(Topics.RELEASES, release.id(), event, at);
        release.register(registration, previousRelease, policy.version(), registeredBy, eventId, at);
        evaluation.registered(release, eventId, at);
        return new Outcome(true, release);
    }

    /** The fields in which {@code requested} differs from what the release was registered with. */
    private static List<String> differences(Release release, Registration requested, String previousRelease) {
        Registration registered = release.registration();
        List<String> differ = new ArrayList<>();
        compare(differ, "service", registered.service(), requested.service());
        compare(differ, "version", registered.version(), requested.version());
        compare(differ, "stagingEnvironment", registered.stagingEnvironment(), requested.stagingEnvironment());
        compare(differ, "productionEnvironment", registered.productionEnvironment(), requested.productionEnvironment());
        compare(differ, "rtoMinutes", registered.rtoMinutes(), requested.rtoMinutes());
        compare(differ, "previousRelease", release.previousRelease(), previousRelease);
        compare(differ, "requiredArtifacts", registered.requiredArtifacts(), requested.requiredArtifacts());
        compare(differ, "requiredApprovals", registered.requiredApprovals(), requested.requiredApprovals());
        compare(differ, "expectedDifferences", registered.expectedDifferences(), requested.expectedDifferences());
        return differ;
    }

    private static void compare(List<String> differ, String field, Object registered, Object requested) {
        if (!Objects.equals(registered, requested)) {
            differ.add(field + " (registered " + registered + ", now " + requested + ")");
        }
    }
}
