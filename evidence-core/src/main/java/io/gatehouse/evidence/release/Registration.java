package io.gatehouse.evidence.release;

import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The release as a pipeline registered it: what it deploys where, its RTO, and what its gates require. */
record Registration(String eventId, String service, String version, String stagingEnvironment, String productionEnvironment,
                    int rtoMinutes, String previousRelease, List<String> requiredArtifacts, List<String> requiredApprovals,
                    List<String> expectedDifferences, String policyVersion, String registeredBy, Instant registeredAt) {

    /** The release's registration; empty while its pipeline results arrived before it was registered. */
    static Optional<Registration> of(SubjectHistory history) {
        return history.latest(ReleaseRegistered.class).map(Registration::of);
    }

    private static Registration of(Recorded<ReleaseRegistered> recorded) {
        ReleaseRegistered r = recorded.event();
        return new Registration(recorded.eventId(), r.getService(), r.getVersion(), r.getStagingEnvironment(), r.getProductionEnvironment(),
                r.getRtoMinutes(), r.getPreviousRelease(), List.copyOf(r.getRequiredArtifacts()), List.copyOf(r.getRequiredApprovals()),
                List.copyOf(r.getExpectedDifferences()), r.getPolicyVersion(), r.getRegisteredBy(), r.getRegisteredAt());
    }

    /** "checkout 2.4.0", or the release id while it is not registered. */
    static String title(SubjectHistory history) {
        return of(history).map(r -> r.service() + " " + r.version() + " (release " + history.subject() + ")").orElse("release " + history.subject());
    }
}
