package io.gatehouse.messaging;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Something a consumer needs to apply a record. While it is away a record waits for it; a record is dead-lettered only
 * for a failure that repeats while every dependency answers. {@link ConsumerFailurePolicy} asks every bean of this type.
 */
public interface Dependency {

    /** What operators call it, for logs and the readiness check. */
    String name();

    /** Empty when it answers now; otherwise why not. Returns within about {@code timeout}, even when it is frozen. */
    Optional<String> unavailability(Duration timeout);

    /** Whether {@code failure} says by itself that this dependency could not be reached: a lost connection, a timeout. */
    boolean explains(Throwable failure);

    /** {@code failure} and its causes, outermost first. */
    static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
    }
}
