package io.gatehouse.messaging;

import io.gatehouse.errors.UnusableRecord;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * How every Gatehouse consumer treats a failure: an outage is not poison.
 *
 * <ul>
 *   <li>A record that can never be applied ({@link UnusableRecord}) goes to the dead-letter topic at once.</li>
 *   <li>A failure that a {@link Dependency} explains, or that comes while one does not answer, is an outage: the record
 *       waits, however long, retried with a pause that doubles up to {@link RetrySettings#maxDelay()}, and
 *       {@link ConsumersReadiness} says DOWN meanwhile.</li>
 *   <li>Any other failure is retried too, and only when it repeats {@link RetrySettings#attemptsWhileDependenciesAnswer()}
 *       times in a row while every dependency answers does the record go to the dead-letter topic
 *       ({@link RepeatedFailure}).</li>
 * </ul>
 *
 * The consumer waits in its own worker thread and takes no further record meanwhile, so records stay in order; the
 * Kafka connector pauses the partitions and keeps polling, so the consumer keeps its place in the group.
 */
@ApplicationScoped
public class ConsumerFailurePolicy {

    private static final Logger LOG = Logger.getLogger(ConsumerFailurePolicy.class);

    private final List<Dependency> dependencies;
    private final RetrySettings settings;
    private final ConsumersReadiness readiness;

    ConsumerFailurePolicy(@All List<Dependency> dependencies, RetrySettings settings, @Readiness ConsumersReadiness readiness) {
        this.dependencies = List.copyOf(dependencies);
        this.settings = settings;
        this.readiness = readiness;
    }

    /**
     * Applies {@code record} by running {@code unitOfWork} until it succeeds, as described above.
     *
     * @param channel the incoming channel, as the readiness check names it
     * @param unitOfWork everything that applying the record does. It runs once per attempt, so it must be safe to
     *     repeat and must run in a new transaction each time ({@code QuarkusTransaction.requiringNew()}), so that an
     *     attempt reads the state as it is now
     * @throws UnusableRecord when the record can never be applied
     * @throws RepeatedFailure when applying it failed again and again while every dependency answered
     */
    public void apply(String channel, ConsumerRecord<?, ?> record, Runnable unitOfWork) {
        run(channel, record.topic(), coordinates(record), unitOfWork, false);
    }

    /**
     * Applies a batch of records together by running {@code unitOfWork} until it succeeds, waiting out an outage as
     * {@link #apply} does; any other failure is thrown at once, so that the caller can apply the records one at a time
     * with {@link #apply} and dead-letter only the one that cannot be applied.
     *
     * @param what the records, as the log names them while they wait
     * @param unitOfWork everything that applying the batch does, in a new transaction each time, as for {@link #apply}
     * @throws UnusableRecord when a record of the batch can never be applied
     * @throws RuntimeException the failure of the first attempt that failed while every dependency answered
     */
    public void applyTogether(String channel, String topic, String what, Runnable unitOfWork) {
        run(channel, topic, what, unitOfWork, true);
    }

    private void run(String channel, String topic, String what, Runnable unitOfWork, boolean onlyOutagesRetried) {
        Instant waitingSince = null;
        int failuresWhileAnswering = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                unitOfWork.run();
                readiness.notWaiting(channel);
                if (waitingSince != null) {
                    LOG.infof("%s applied %s after waiting %s", channel, what, Duration.between(waitingSince, Instant.now()));
                }
                return;
            } catch (RuntimeException failure) {
                Optional<UnusableRecord> unusable = Dependency.causes(failure)
                        .filter(UnusableRecord.class::isInstance).map(UnusableRecord.class::cast).findFirst();
                if (unusable.isPresent()) {
                    readiness.notWaiting(channel);
                    throw unusable.get();
                }
                Optional<String> outage = outageBehind(failure);
                if (outage.isPresent()) {
                    failuresWhileAnswering = 0;
                    if (waitingSince == null) {
                        waitingSince = Instant.now();
                        LOG.warnf("%s waits for %s to apply %s: %s", channel, outage.get(), what, failure);
                    }
                    readiness.waiting(channel, outage.get());
                } else {
                    readiness.notWaiting(channel);
                    failuresWhileAnswering++;
                    if (onlyOutagesRetried) {
                        throw failure;
                    }
                    if (failuresWhileAnswering >= settings.attemptsWhileDependenciesAnswer()) {
                        throw new RepeatedFailure(topic, failuresWhileAnswering, dependencyNames(), failure);
                    }
                    LOG.warnf(failure, "%s failed to apply %s (%d of %d attempts while every dependency answers)",
                            channel, what, failuresWhileAnswering, settings.attemptsWhileDependenciesAnswer());
                }
                pause(delayAfter(attempt), failure);
            }
        }
    }

    /** What keeps the record from being applied, when a dependency explains the failure or does not answer now. */
    private Optional<String> outageBehind(RuntimeException failure) {
        for (Dependency dependency : dependencies) {
            if (dependency.explains(failure)) {
                Throwable innermost = Dependency.causes(failure).reduce((outer, inner) -> inner).orElseThrow();
                return Optional.of(dependency.name() + " (" + innermost.getMessage() + ")");
            }
        }
        for (Dependency dependency : dependencies) {
            Optional<String> unavailability = dependency.unavailability(settings.dependencyTimeout());
            if (unavailability.isPresent()) {
                return Optional.of(dependency.name() + " (" + unavailability.get() + ")");
            }
        }
        return Optional.empty();
    }

    Duration delayAfter(int attempt) {
        Duration doubled = settings.firstDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
        return doubled.compareTo(settings.maxDelay()) < 0 ? doubled : settings.maxDelay();
    }

    private static void pause(Duration delay, RuntimeException failure) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            // Only a stopping service interrupts its workers, after its channels closed: the record is neither applied
            // nor committed, and it is read again at the next start.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while waiting to apply a record", failure);
        }
    }

    private String dependencyNames() {
        return dependencies.stream().map(Dependency::name).collect(Collectors.joining(" and "));
    }

    private static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }
}
