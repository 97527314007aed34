package io.gatehouse.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.errors.UnusableRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ConsumerFailurePolicyTest {

    private static final String CHANNEL = "events-in";
    private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("gatehouse.events", 0, 42L, "key", "value");

    private record Settings(Duration firstDelay, Duration maxDelay, int attemptsWhileDependenciesAnswer, Duration dependencyTimeout)
            implements RetrySettings {
    }

    /** A dependency whose availability the test switches, and which explains failures of one kind. */
    private static final class Switchable implements Dependency {
        boolean away;

        @Override
        public String name() {
            return "the database";
        }

        @Override
        public Optional<String> unavailability(Duration timeout) {
            return away ? Optional.of("connection refused") : Optional.empty();
        }

        @Override
        public boolean explains(Throwable failure) {
            return Dependency.causes(failure).anyMatch(ConnectionLost.class::isInstance);
        }
    }

    private static final class ConnectionLost extends RuntimeException {
        ConnectionLost() {
            super("connection lost");
        }
    }

    private final Switchable database = new Switchable();
    private final ConsumersReadiness readiness = new ConsumersReadiness();
    private final ConsumerFailurePolicy policy = new ConsumerFailurePolicy(List.of(database),
            new Settings(Duration.ofMillis(1), Duration.ofMillis(4), 3, Duration.ofSeconds(1)), readiness);

    @Test
    void aRecordThatCanNeverBeAppliedGoesToTheDeadLetterTopicAtOnce() {
        UnusableRecord unusable = new UnusableRecord("gatehouse.events", "the body is not an event");
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.apply(CHANNEL, RECORD, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("transaction rolled back", unusable);
        })).isSameAs(unusable);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aRecordWaitsForADependencyThatIsAwayFarLongerThanTheAttemptsAllowedWhileItAnswers() {
        database.away = true;
        List<HealthCheckResponse> readinessWhileWaiting = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();

        policy.apply(CHANNEL, RECORD, () -> {
            if (attempts.incrementAndGet() == 20) {
                readinessWhileWaiting.add(readiness.call());
                database.away = false;
            }
            if (database.away) {
                throw new IllegalStateException("could not open a connection");
            }
        });

        assertThat(attempts).hasValue(20);
        assertThat(readinessWhileWaiting.get(0).getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(readinessWhileWaiting.get(0).getData().orElseThrow().get(CHANNEL).toString())
                .startsWith("waiting since ").endsWith("for the database (connection refused)");
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aFailureTheDependencyExplainsIsAnOutageEvenWhenItAnswersTheProbe() {
        AtomicInteger attempts = new AtomicInteger();

        policy.apply(CHANNEL, RECORD, () -> {
            if (attempts.incrementAndGet() < 10) {
                throw new IllegalStateException("query failed", new ConnectionLost());
            }
        });

        assertThat(attempts).hasValue(10);
    }

    @Test
    void aFailureThatRepeatsWhileEveryDependencyAnswersSendsTheRecordToTheDeadLetterTopicWithTheReason() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException bug = new IllegalStateException("no such column: seq");

        assertThatThrownBy(() -> policy.apply(CHANNEL, RECORD, () -> {
            attempts.incrementAndGet();
            throw bug;
        })).isInstanceOf(RepeatedFailure.class)
                .hasCause(bug)
                .hasMessage("CRITICAL event on gatehouse.events: applying it failed 3 times in a row while the database answered; "
                        + "the last time: java.lang.IllegalStateException: no such column: seq "
                        + "Resolution: fix what the cause names, then replay the record from the dead-letter topic "
                        + "Impact: this record was not applied; the records after it were");
        assertThat(attempts).hasValue(3);
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void anOutageBetweenTwoFailuresStartsTheCountAgain() {
        AtomicInteger attempts = new AtomicInteger();

        policy.apply(CHANNEL, RECORD, () -> {
            switch (attempts.incrementAndGet()) {
                case 1, 2, 4, 5 -> throw new IllegalStateException("deadlock detected");
                case 3 -> throw new ConnectionLost();
                default -> {
                }
            }
        });

        assertThat(attempts).hasValue(6);
    }

    @Test
    void aBatchWaitsOutAnOutageAndIsTriedAgainWhole() {
        AtomicInteger attempts = new AtomicInteger();

        policy.applyTogether(CHANNEL, "gatehouse.events", "500 records of gatehouse.events", () -> {
            if (attempts.incrementAndGet() < 10) {
                throw new IllegalStateException("query failed", new ConnectionLost());
            }
        });

        assertThat(attempts).hasValue(10);
    }

    @Test
    void aBatchThatFailsWhileEveryDependencyAnswersIsGivenBackAtOnceToBeAppliedOneRecordAtATime() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException poison = new IllegalStateException("value too long for type character varying(255)");

        assertThatThrownBy(() -> policy.applyTogether(CHANNEL, "gatehouse.events", "500 records of gatehouse.events", () -> {
            attempts.incrementAndGet();
            throw poison;
        })).isSameAs(poison);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void thePauseDoublesUpToItsCap() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMillis(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMillis(2));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMillis(4));
        assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMillis(4));
        assertThat(policy.delayAfter(1000)).isEqualTo(Duration.ofMillis(4));
    }
}
