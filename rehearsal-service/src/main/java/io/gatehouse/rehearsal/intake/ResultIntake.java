package io.gatehouse.rehearsal.intake;

import io.gatehouse.errors.UnusableRecord;
import io.gatehouse.events.RehearsalResultReceived;
import io.gatehouse.events.cloudevents.CloudEvent;
import io.gatehouse.rehearsal.Release;
import io.gatehouse.rehearsal.evaluation.ReleaseEvaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Applies one pipeline result to its release. A result that arrives before the release is registered is kept, and
 * evaluated with the others at registration.
 */
@ApplicationScoped
public class ResultIntake {

    private final ReleaseEvaluation evaluation;

    ResultIntake(ReleaseEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    /**
     * @throws UnusableRecord when the gates could never read the result
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String topic, CloudEvent event, RehearsalResultReceived result) {
        ResultChecks.problemOf(event.subject(), result).ifPresent(problem -> {
            throw new UnusableRecord(topic, problem);
        });
        Release release = Release.lockOrReserve(result.getRelease());
        release.receive(event.id(), result);
        if (release.registered()) {
            evaluation.resultApplied(release, event.id(), result);
        }
    }
}
