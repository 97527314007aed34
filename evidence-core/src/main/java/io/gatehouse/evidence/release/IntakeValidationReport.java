package io.gatehouse.evidence.release;

import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.events.UpstreamArtifact;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * intake-validation-report.json: phase 1's intake, what the release requires against what arrived. Each required
 * upstream artifact with the latest upload of that name (earlier ones kept as superseded), each required upstream
 * approval with where it stands, and gate 1's verdict as rehearsal-service reached it.
 *
 * @param asOf the release's latest event: an approval expired by then is named as such
 * @param release null while the release is not registered
 * @param upstreamArtifacts the required ones in the registration's order, then any other uploaded, by name
 * @param approvals each required upstream approval kind, then any other upstream kind given
 * @param granted every upstream approval, in ledger order
 */
record IntakeValidationReport(String releaseId, boolean happened, String statement, Instant asOf, Registration release,
                              List<Artifact> upstreamArtifacts, List<Approvals.Required> approvals, List<Approvals.Approval> granted,
                              Gates.GateStatus gate) {

    /** @param status PRESENT or MISSING */
    record Artifact(String name, boolean required, String status, Upload latest, List<Upload> superseded) {
    }

    /** @param sha256 the artifact's digest as the pipeline reported it */
    record Upload(String eventId, Instant receivedAt, String submittedBy, String sha256, long sizeBytes, String uri, String supersededBy) {
    }

    static IntakeValidationReport of(SubjectHistory history) {
        Instant asOf = history.latestTime();
        Registration release = Registration.of(history).orElse(null);
        List<Artifact> artifacts = artifacts(history, release);
        List<Approvals.Approval> granted = Approvals.approvals(history, true, asOf).toList();
        List<Approvals.Required> approvals = Approvals.required(history, granted, true);
        Gates.GateStatus gate = Gates.status(history, 1);
        return new IntakeValidationReport(history.subject(), release != null, statement(release, artifacts, approvals, gate), asOf, release,
                artifacts, approvals, granted, gate);
    }

    /** The registration, the uploads, the upstream approvals and gate 1's evaluations, in ledger order. */
    static List<LedgerEvent> sources(SubjectHistory history) {
        Set<String> ids = new LinkedHashSet<>();
        history.of(ReleaseRegistered.class).forEach(e -> ids.add(e.eventId()));
        Results.sources(history, RehearsalResultKind.UPSTREAM_ARTIFACT).forEach(e -> ids.add(e.eventId()));
        Approvals.of(history, true).forEach(a -> ids.add(a.eventId()));
        Gates.evaluations(history, 1).forEach(e -> ids.add(e.eventId()));
        return history.events().stream().filter(e -> ids.contains(e.eventId())).toList();
    }

    private static List<Artifact> artifacts(SubjectHistory history, Registration release) {
        Map<String, List<Recorded<RehearsalResultReceived>>> uploads = Results.byScope(
                Results.of(history, RehearsalResultKind.UPSTREAM_ARTIFACT, UpstreamArtifact.class),
                r -> Results.summary(r, UpstreamArtifact.class).getName());
        Set<String> required = new LinkedHashSet<>(release == null ? List.of() : release.requiredArtifacts());
        List<String> names = new ArrayList<>(required);
        uploads.keySet().stream().filter(name -> !required.contains(name)).forEach(names::add);
        return names.stream().map(name -> {
            List<Upload> inOrder = Results.withSuccessors(uploads.getOrDefault(name, List.of()), IntakeValidationReport::upload);
            return new Artifact(name, required.contains(name), inOrder.isEmpty() ? "MISSING" : "PRESENT", Results.latest(inOrder),
                    Results.superseded(inOrder));
        }).toList();
    }

    private static Upload upload(Recorded<RehearsalResultReceived> result, String supersededBy) {
        UpstreamArtifact a = Results.summary(result, UpstreamArtifact.class);
        return new Upload(result.eventId(), result.event().getReceivedAt(), result.event().getSubmittedBy(), a.getSha256(), a.getSizeBytes(),
                a.getUri(), supersededBy);
    }

    private static String statement(Registration release, List<Artifact> artifacts, List<Approvals.Required> approvals, Gates.GateStatus gate) {
        if (release == null) {
            return "The release is not registered yet, so nothing says which upstream artifacts and approvals intake requires.";
        }
        List<String> missing = new ArrayList<>();
        artifacts.stream().filter(a -> a.required() && a.latest() == null).forEach(a -> missing.add(a.name()));
        approvals.stream().filter(a -> !"GIVEN".equals(a.status()))
                .forEach(a -> missing.add(a.kind() + " approval (" + a.status().toLowerCase(Locale.ROOT) + ")"));
        String intake = missing.isEmpty() ? "Every required upstream artifact and approval is in." : "Missing: " + String.join(", ", missing) + ".";
        return intake + " Gate 1 (" + gate.name() + "): " + gate.outcome() + ".";
    }
}
