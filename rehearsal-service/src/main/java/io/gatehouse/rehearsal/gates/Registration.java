package io.gatehouse.rehearsal.gates;

import java.util.List;

/**
 * What a release was registered with, as the gates read it: requirements already completed with the policy's defaults.
 *
 * @param requiredApprovals approval kinds required: the upstream ones (gate 1) and readiness (gate 4)
 */
public record Registration(String releaseId, String service, String version, String stagingEnvironment, String productionEnvironment,
                           int rtoMinutes, List<String> requiredArtifacts, List<String> requiredApprovals, List<String> expectedDifferences) {

    public Registration {
        requiredArtifacts = List.copyOf(requiredArtifacts);
        requiredApprovals = List.copyOf(requiredApprovals);
        expectedDifferences = List.copyOf(expectedDifferences);
    }

    public double rtoSeconds() {
        return rtoMinutes * 60.0;
    }
}
