package io.gatehouse.evidence.release;

import io.gatehouse.events.RehearsalResultKind;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.RehearsalRun;
import io.gatehouse.events.RehearsalStep;
import io.gatehouse.evidence.artifacts.Recorded;
import io.gatehouse.evidence.artifacts.SubjectHistory;
import io.gatehouse.evidence.artifacts.Text;
import java.time.Duration;
import java.util.List;

/**
 * staging-deployment-run.log: every deployment rehearsal on staging, oldest first, each with its outcome, error counts,
 * steps and the run log the pipeline sent (its first 256 KiB; the stored artifact named by its digest holds it all).
 * The latest run is the one gate 2 reads; earlier ones stay, marked superseded.
 */
final class DeploymentRunLog {

    private DeploymentRunLog() {
    }

    static String render(SubjectHistory history) {
        StringBuilder out = new StringBuilder("# Staging deployment rehearsal: ").append(Registration.title(history)).append('\n');
        Registration.of(history).ifPresent(r -> out.append("# ").append(r.stagingEnvironment()).append(", rehearsing the deployment to ")
                .append(r.productionEnvironment()).append('\n'));
        List<Recorded<RehearsalResultReceived>> runs = Results.of(history, RehearsalResultKind.DEPLOYMENT_REHEARSAL, RehearsalRun.class);
        if (runs.isEmpty()) {
            return out.append("\nNo deployment rehearsal was reported.\n").toString();
        }
        out.append("# ").append(runs.size()).append(" run(s), oldest first; the latest is the one gate 2 reads.\n");
        for (int i = 0; i < runs.size(); i++) {
            run(out, runs.get(i), i + 1, runs.size(), i + 1 < runs.size() ? runs.get(i + 1).eventId() : null);
        }
        return out.toString();
    }

    private static void run(StringBuilder out, Recorded<RehearsalResultReceived> result, int n, int of, String supersededBy) {
        RehearsalRun run = Results.summary(result, RehearsalRun.class);
        RehearsalResultReceived r = result.event();
        out.append("\n== Run ").append(n).append(" of ").append(of)
                .append(supersededBy == null ? " (latest)" : " (superseded by " + supersededBy + ")").append(" ==\n");
        line(out, "event", result.eventId());
        line(out, "received at", r.getReceivedAt() + " from " + r.getSubmittedBy());
        line(out, "status", run.getStatus().name());
        line(out, "started at", run.getStartedAt().toString());
        line(out, "finished at", run.getFinishedAt().toString());
        line(out, "duration", Text.duration(Duration.between(run.getStartedAt(), run.getFinishedAt()).toMillis()));
        line(out, "blocking errors", Text.orNone(run.getBlockingErrors()));
        line(out, "non-blocking errors", Text.orNone(run.getNonBlockingErrors()));
        line(out, "stored result", "sha256:" + r.getArtifact().getSha256() + " (" + r.getArtifact().getSizeBytes() + " bytes, "
                + r.getArtifact().getMediaType() + ")");
        out.append("steps:\n");
        if (run.getSteps().isEmpty()) {
            out.append("  none reported\n");
        }
        for (int i = 0; i < run.getSteps().size(); i++) {
            RehearsalStep step = run.getSteps().get(i);
            out.append("  ").append(i + 1).append(". ").append(step.getStatus()).append(' ').append(step.getName());
            if (step.getStartedAt() != null && step.getFinishedAt() != null) {
                out.append(" (").append(step.getStartedAt()).append(" to ").append(step.getFinishedAt()).append(", ")
                        .append(Text.duration(Duration.between(step.getStartedAt(), step.getFinishedAt()).toMillis())).append(')');
            }
            out.append('\n');
        }
        out.append("log:\n");
        if (run.getLog() == null || run.getLog().isEmpty()) {
            out.append("  (the pipeline sent no log)\n");
        } else {
            out.append(run.getLog());
            if (!run.getLog().endsWith("\n")) {
                out.append('\n');
            }
        }
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append(':').append(" ".repeat(21 - name.length())).append(value).append('\n');
    }
}
