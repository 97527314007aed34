package io.gatehouse.evidence.release;

import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.ReleaseDecided;
import io.gatehouse.events.ReleaseRegistered;
import io.gatehouse.evidence.artifacts.EvidenceManifest;
import io.gatehouse.evidence.artifacts.EvidencePlan;
import io.gatehouse.evidence.artifacts.LedgerEvent;
import io.gatehouse.evidence.artifacts.PlannedArtifact;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * pre-deployment-manifest.json: the index of the go/no-go package. What the release is, the decision that stands,
 * each file of PRE-DEPLOYMENT-PACKAGE.zip and whether its phase has happened (evidence-manifest.json gives each one's
 * digest), every pipeline result the package rests on with the stored bytes it came from and what superseded it, and
 * the four gates as last evaluated.
 *
 * @param completeness share of the package's required files whose phase has happened
 * @param files the package's files, by name, this one included; evidence-manifest.json comes with them
 * @param absentFiles optional files the release's events do not call for, with the reason
 * @param results every pipeline result, in ledger order
 */
record PreDeploymentManifest(String releaseId, boolean happened, String statement, Registration release, Decision decision,
                             double completeness, List<File> files, List<EvidenceManifest.Absent> absentFiles, List<Result> results,
                             List<Gates.GateStatus> gates) {

    /** @param status READY, or PENDING while the file only says its phase has not happened */
    record File(String name, String mediaType, boolean required, String status) {
    }

    /** @param scope the suite, environment or artifact name a newer result must match to supersede it */
    record Result(RehearsalResultKind kind, String scope, Results.Received received) {
    }

    static PreDeploymentManifest of(SubjectHistory history, EvidencePlan plan) {
        Registration release = Registration.of(history).orElse(null);
        Decision decision = Results.latest(Decision.all(history));
        Map<String, String> successors = Results.successors(history);
        List<Result> results = history.all(RehearsalResultReceived.class).stream().map(r -> new Result(r.event().getKind(), r.event().getScope(),
                Results.Received.of(r, successors.get(r.eventId())))).toList();
        List<File> files = plan.artifacts().stream().map(PreDeploymentManifest::file).toList();
        long ready = files.stream().filter(f -> f.required() && "READY".equals(f.status())).count();
        long required = files.stream().filter(File::required).count();
        String statement = "Package of " + Registration.title(history) + ": " + ready + " of " + required + " required file(s) ready; "
                + (decision == null ? "no go/no-go decision yet." : "decision " + decision.decision() + ".");
        return new PreDeploymentManifest(history.subject(), release != null, statement, release, decision, plan.completeness(), files,
                plan.absent(), results, Gates.all(history));
    }

    /** The registration, every result, every gate evaluation and every decision, in ledger order. */
    static List<LedgerEvent> sources(SubjectHistory history) {
        List<String> ids = new ArrayList<>();
        history.of(ReleaseRegistered.class, RehearsalResultReceived.class, ReleaseDecided.class).forEach(e -> ids.add(e.eventId()));
        Gates.evaluations(history).forEach(e -> ids.add(e.eventId()));
        return history.events().stream().filter(e -> ids.contains(e.eventId())).toList();
    }

    private static File file(PlannedArtifact artifact) {
        return new File(artifact.name(), artifact.content().mediaType(), artifact.required(), artifact.phaseHappened() ? "READY" : "PENDING");
    }
}
