package io.gatehouse.rehearsal.gates;

import static io.gatehouse.rehearsal.TestResults.T0;

import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.rehearsal.TestResults;
import io.gatehouse.rehearsal.policy.ReleasePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A release's inputs built up step by step, as its gates would read them; registered with the shipped policy's defaults. */
final class TestRelease {

    static final ReleasePolicy POLICY = ReleasePolicy.shipped();
    static final String ID = "rel-1";

    private final List<Result> results = new ArrayList<>();
    private final List<Approval> approvals = new ArrayList<>();
    private final List<Waiver> waivers = new ArrayList<>();
    private Instant readySince;
    private int rtoMinutes = 10;
    private int events;

    static TestRelease registered() {
        return new TestRelease();
    }

    TestRelease rto(int minutes) {
        rtoMinutes = minutes;
        return this;
    }

    TestRelease receive(RehearsalResultReceived... received) {
        for (RehearsalResultReceived result : received) {
            results.add(Result.of("result-" + (++events), result));
        }
        return this;
    }

    /** Every result gates 1 to 3 and the checklist need, and the three upstream approvals: gates 1 to 3 pass. */
    TestRelease rehearsed() {
        TestResults.passingRehearsal(ID, "staging", "production", T0).forEach(this::receive);
        approve("quality-audit-readiness", "sam", "senior-quality-engineer", T0, null);
        approve("scope-fixed", "pat", "product-owner", T0, null);
        return approve("staging-rehearsal-clearance", "sec", "security-lead", T0, null);
    }

    /** An approval of the evidence as it is now; a readiness approval of the package ready since {@link #ready}. */
    TestRelease approve(String kind, String approver, String role, Instant at, Instant expiresAt) {
        Set<String> evidence = new LinkedHashSet<>();
        results.forEach(r -> evidence.add(r.eventId()));
        approvals.add(new Approval("approval-" + (++events), kind, approver, role, at, expiresAt, false, evidence,
                ReleasePolicy.READINESS.equals(kind) ? readySince : null));
        return this;
    }

    TestRelease waive(int gate, String person, String role, String compensatingControls, Instant at, Instant expiresAt) {
        waivers.add(new Waiver("waiver-" + (++events), gate, person, role, "accepted for one release", compensatingControls, at, expiresAt, false));
        return this;
    }

    /** Gates 1 to 3 all passed or waived since {@code since}. */
    TestRelease ready(Instant since) {
        readySince = since;
        return this;
    }

    ReleaseInputs inputs() {
        ReleasePolicy.ReleaseDefaults defaults = POLICY.defaults();
        return new ReleaseInputs(new Registration(ID, "checkout", "2.4.1", "staging", "production", rtoMinutes, defaults.requiredArtifacts(),
                defaults.requiredApprovals(), defaults.expectedDifferences()), results, approvals, waivers, readySince);
    }
}
